package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.TenantId;
import io.xsell.server.port.in.ChangeConnectionSettingsCommand;
import io.xsell.server.port.in.ProductLineOverride;
import io.xsell.server.problem.Problem;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PATCH /v1/connections/{id}}: a field left out keeps the connection's own,
 * a field given as {@code null} clears it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConnectionSettingsRequest(Map<String, ProductLineOverrideJson> productLines, List<FxRateJson> fxRates) {
    private static final String NEITHER = "give product_lines, fx_rates or both";
    /** Messages for fields of the wrong JSON type (see {@link RequestBodies#read}). */
    public static final Map<String, String> SHAPES = Map.of(
            "body", NEITHER,
            "product_lines", "must be an object keyed by Stripe product id",
            "fx_rates", "must be an array of {date, currency, rate}",
            "fx_rates[].rate", "must be a decimal number");

    /** The command, or null with every problem of the request in {@code errors}. */
    public static ChangeConnectionSettingsCommand toCommand(RequestBodies.Body<ConnectionSettingsRequest> body,
                                                            TenantId tenant, String connectionId,
                                                            List<Problem.FieldError> errors) {
        int before = errors.size();
        boolean lines = body.fields().contains("product_lines");
        boolean rates = body.fields().contains("fx_rates");
        if (!lines && !rates) {
            errors.add(Problem.FieldError.parameter("body", NEITHER));
            return null;
        }
        Map<String, ProductLineOverride> overrides = lines
                ? ProductLineOverrideJson.overrides(body.value().productLines(), errors) : null;
        List<FxRate> parsed = rates ? FxRateJson.rates(body.value().fxRates(), errors) : null;
        return errors.size() > before ? null
                : new ChangeConnectionSettingsCommand(tenant, connectionId, overrides, parsed);
    }
}
