package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.TenantId;
import io.xsell.server.port.in.ConnectChargebeeCommand;
import io.xsell.server.port.in.ProductLineOverride;
import io.xsell.server.problem.Problem;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /v1/connections/chargebee}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConnectChargebeeRequest(String site, String apiKey, String webhookUsername, String webhookPassword,
                                      String reportingCurrency, Map<String, ProductLineOverrideJson> productLines,
                                      List<FxRateJson> fxRates) {
    /** Messages for fields of the wrong JSON type (see {@link RequestBodies#read}). */
    public static final Map<String, String> SHAPES = Map.of(
            "body", "must be a JSON object",
            "product_lines", "must be an object keyed by Chargebee item family or item id",
            "fx_rates", "must be an array of {date, currency, rate}",
            "fx_rates[].rate", "must be a decimal number");

    /**
     * The command, or null with every problem of the request in {@code errors}.
     *
     * @param tenantCurrency the tenant's reporting currency, the only one a connection may report in
     */
    public ConnectChargebeeCommand toCommand(TenantId tenant, String tenantCurrency, List<Problem.FieldError> errors) {
        int before = errors.size();
        String site = Text.orNull(site());
        if (site == null) {
            errors.add(Problem.FieldError.parameter("site", "is required"));
        } else if (!ConnectChargebeeCommand.SITE.matcher(site).matches()) {
            errors.add(Problem.FieldError.parameter("site",
                    "must be the site's name as in https://{site}.chargebee.com (lower-case letters, digits, hyphens; at most 63)"));
        }
        String apiKey = Text.orNull(apiKey());
        if (apiKey == null) {
            errors.add(Problem.FieldError.parameter("api_key", "is required"));
        } else if (!ConnectChargebeeCommand.API_KEY.matcher(apiKey).matches()) {
            errors.add(Problem.FieldError.parameter("api_key",
                    "must be a Chargebee API key (live_… or test_…, a read-only key is enough)"));
        }
        String currency = Text.orNull(reportingCurrency());
        if (currency == null) {
            errors.add(Problem.FieldError.parameter("reporting_currency", "is required"));
        } else if (!currency.equals(tenantCurrency)) {
            errors.add(Problem.FieldError.parameter("reporting_currency",
                    "must be the tenant's reporting currency, " + tenantCurrency));
        }
        String username = Text.orNull(webhookUsername());
        String password = Text.orNull(webhookPassword());
        if ((username == null) != (password == null)) {
            errors.add(Problem.FieldError.parameter(username == null ? "webhook_username" : "webhook_password",
                    "webhook_username and webhook_password go together"));
        }
        if (username != null && (username.contains(":") || username.length() > ConnectChargebeeCommand.MAX_CREDENTIAL)) {
            errors.add(Problem.FieldError.parameter("webhook_username",
                    "must not contain ':' and be at most " + ConnectChargebeeCommand.MAX_CREDENTIAL + " characters"));
        }
        if (password != null && password.length() > ConnectChargebeeCommand.MAX_CREDENTIAL) {
            errors.add(Problem.FieldError.parameter("webhook_password",
                    "must be at most " + ConnectChargebeeCommand.MAX_CREDENTIAL + " characters"));
        }
        Map<String, ProductLineOverride> overrides = ProductLineOverrideJson.overrides(productLines(), errors);
        List<FxRate> rates = FxRateJson.rates(fxRates(), errors);
        return errors.size() > before ? null
                : new ConnectChargebeeCommand(tenant, site, apiKey, username, password, currency, overrides, rates);
    }
}
