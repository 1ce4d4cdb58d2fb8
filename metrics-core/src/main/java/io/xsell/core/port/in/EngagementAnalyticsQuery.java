package io.xsell.core.port.in;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import java.util.Objects;

/** A request for usage and engagement figures over a window. */
public record EngagementAnalyticsQuery(TenantId tenant, Window window) {
    public EngagementAnalyticsQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(window, "window");
    }
}
