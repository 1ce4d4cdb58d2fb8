package io.xsell.ingestion.stripe.mapping;

import io.xsell.core.model.CurrencyCode;
import io.xsell.core.model.FxRate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one connection's Stripe objects become canonical data.
 *
 * @param idPrefix          put before every Stripe id, so that data from Stripe never collides with
 *                          another source's ids of the same tenant
 * @param reportingCurrency the tenant's reporting currency
 * @param lineOverrides     by Stripe product id
 * @param fxRates           units of the reporting currency per unit of a foreign currency, by day
 */
public record MappingSettings(String idPrefix, String reportingCurrency, Map<String, LineOverride> lineOverrides,
                              List<FxRate> fxRates) {
    public MappingSettings {
        Objects.requireNonNull(idPrefix, "idPrefix");
        reportingCurrency = CurrencyCode.require(reportingCurrency);
        lineOverrides = Map.copyOf(lineOverrides);
        fxRates = List.copyOf(fxRates);
    }
}
