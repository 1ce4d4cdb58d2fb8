package io.xsell.ingestion.provider;

import io.xsell.core.model.CurrencyCode;
import io.xsell.core.model.FxRate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one connection's provider objects become canonical data.
 *
 * @param idPrefix          put before every provider id, so that data from a provider never collides with
 *                          another source's ids of the same tenant
 * @param reportingCurrency the tenant's reporting currency
 * @param lineOverrides     by provider product id (Stripe product, Chargebee item or item family)
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
