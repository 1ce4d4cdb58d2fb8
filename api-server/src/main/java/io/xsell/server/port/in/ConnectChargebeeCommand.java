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
 * Connect a Chargebee site with a read-only API key; the webhook basic-auth credentials are
 * optional (both or neither).
 */
public record ConnectChargebeeCommand(TenantId tenant, String site, String apiKey, String webhookUsername,
                                      String webhookPassword, String reportingCurrency,
                                      Map<String, ProductLineOverride> productLines, List<FxRate> fxRates) {
    /** A site's sub-domain of {@code chargebee.com}. */
    public static final Pattern SITE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** Chargebee API keys: {@code live_} or {@code test_} and the key's characters; bounded. */
    public static final Pattern API_KEY = Pattern.compile("(live|test)_[A-Za-z0-9_-]{4,200}");
    /** Bound of each webhook credential. */
    public static final int MAX_CREDENTIAL = 200;

    public ConnectChargebeeCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(reportingCurrency, "reportingCurrency");
        if (site == null || !SITE.matcher(site).matches()) {
            throw new IllegalArgumentException("site must be a Chargebee site name");
        }
        if (apiKey == null || !API_KEY.matcher(apiKey).matches()) {
            throw new IllegalArgumentException("apiKey must be a Chargebee API key");
        }
        if ((webhookUsername == null) != (webhookPassword == null)) {
            throw new IllegalArgumentException("webhookUsername and webhookPassword go together");
        }
        productLines = Collections.unmodifiableMap(new LinkedHashMap<>(productLines));
        fxRates = List.copyOf(fxRates);
    }
}
