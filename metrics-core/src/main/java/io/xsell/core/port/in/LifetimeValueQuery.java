package io.xsell.core.port.in;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A request for customer lifetime value over a window.
 *
 * @param defaultGrossMargin margin of the lines whose products declare none (0 to 1)
 */
public record LifetimeValueQuery(TenantId tenant, Window window, BigDecimal defaultGrossMargin) {
    public LifetimeValueQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(defaultGrossMargin, "defaultGrossMargin");
        if (defaultGrossMargin.signum() < 0 || defaultGrossMargin.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("gross_margin must be between 0 and 1, was " + defaultGrossMargin);
        }
    }
}
