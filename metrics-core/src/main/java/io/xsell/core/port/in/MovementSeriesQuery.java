package io.xsell.core.port.in;

import io.xsell.core.metrics.Granularity;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import java.util.Objects;

/** A request for a tenant's MRR movements over a window, cut into periods. */
public record MovementSeriesQuery(TenantId tenant, Window window, Granularity granularity) {
    public MovementSeriesQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(granularity, "granularity");
    }
}
