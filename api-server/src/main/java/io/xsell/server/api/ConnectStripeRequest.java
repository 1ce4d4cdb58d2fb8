package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.TenantId;
import io.xsell.server.port.in.ConnectStripeCommand;
import io.xsell.server.port.in.ProductLineOverride;
import io.xsell.server.problem.Problem;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /v1/connections/stripe}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConnectStripeRequest(String apiKey, String reportingCurrency, String webhookSecret,
                                   Map<String, ProductLineOverrideJson> productLines, List<FxRateJson> fxRates) {
    /** Messages for fields of the wrong JSON type (see {@link RequestBodies#read}). */
    public static final Map<String, String> SHAPES = Map.of(
            "body", "must be a JSON object",
            "product_lines", "must be an object keyed by Stripe product id",
            "fx_rates", "must be an array of {date, currency, rate}",
            "fx_rates[].rate", "must be a decimal number");

    /**
     * The command, or null with every problem of the request in {@code errors}.
     *
     * @param tenantCurrency the tenant's reporting currency, the only one a connection may report in
     */
    public ConnectStripeCommand toCommand(TenantId tenant, String tenantCurrency, List<Problem.FieldError> errors) {
        int before = errors.size();
        String apiKey = Text.orNull(apiKey());
        if (apiKey == null) {
            errors.add(Problem.FieldError.parameter("api_key", "is required"));
        } else if (!ConnectStripeCommand.API_KEY.matcher(apiKey).matches()) {
            errors.add(Problem.FieldError.parameter("api_key",
                    "must be a Stripe secret or restricted key (sk_test_…, rk_live_…)"));
        }
        String currency = Text.orNull(reportingCurrency());
        if (currency == null) {
            errors.add(Problem.FieldError.parameter("reporting_currency", "is required"));
        } else if (!currency.equals(tenantCurrency)) {
            errors.add(Problem.FieldError.parameter("reporting_currency",
                    "must be the tenant's reporting currency, " + tenantCurrency));
        }
        String secret = Text.orNull(webhookSecret());
        if (secret != null && !secret.startsWith(ConnectStripeCommand.WEBHOOK_SECRET_PREFIX)) {
            errors.add(Problem.FieldError.parameter("webhook_secret", "must be an endpoint secret (whsec_…)"));
        }
        Map<String, ProductLineOverride> overrides = ProductLineOverrideJson.overrides(productLines(), errors);
        List<FxRate> rates = FxRateJson.rates(fxRates(), errors);
        return errors.size() > before ? null
                : new ConnectStripeCommand(tenant, apiKey, secret, currency, overrides, rates);
    }
}
