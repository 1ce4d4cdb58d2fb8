package io.xsell.server.port.in;

import io.xsell.core.model.FxRate;
import io.xsell.core.model.TenantId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replace a connection's product-line overrides and/or FX rates; a null one is kept as it is.
 */
public record ChangeConnectionSettingsCommand(TenantId tenant, String connectionId,
                                              Map<String, ProductLineOverride> productLines, List<FxRate> fxRates) {
    public ChangeConnectionSettingsCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(connectionId, "connectionId");
        if (productLines == null && fxRates == null) {
            throw new IllegalArgumentException("give productLines, fxRates or both");
        }
        productLines = productLines == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(productLines));
        fxRates = fxRates == null ? null : List.copyOf(fxRates);
    }
}
