package io.xsell.server.port.in;

import io.xsell.core.model.FxRate;
import io.xsell.core.model.TenantId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Connect a tenant's Stripe account.
 *
 * @param apiKey        a secret or restricted key ({@code sk_…}, {@code rk_…})
 * @param webhookSecret null when webhooks are not used, else an endpoint secret ({@code whsec_…})
 */
public record ConnectStripeCommand(TenantId tenant, String apiKey, String webhookSecret, String reportingCurrency,
                                   Map<String, ProductLineOverride> productLines, List<FxRate> fxRates) {
    public static final Pattern API_KEY = Pattern.compile("(rk|sk)_(test|live)_[A-Za-z0-9_]{4,}");
    public static final String WEBHOOK_SECRET_PREFIX = "whsec_";

    public ConnectStripeCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(reportingCurrency, "reportingCurrency");
        if (apiKey == null || !API_KEY.matcher(apiKey).matches()) {
            throw new IllegalArgumentException("apiKey must be a Stripe secret or restricted key");
        }
        if (webhookSecret != null && !webhookSecret.startsWith(WEBHOOK_SECRET_PREFIX)) {
            throw new IllegalArgumentException("webhookSecret must be an endpoint secret (whsec_…)");
        }
        productLines = Collections.unmodifiableMap(new LinkedHashMap<>(productLines));
        fxRates = List.copyOf(fxRates);
    }
}
