package io.xsell.core.port.in;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import java.util.Objects;

/**
 * A request for the next best actions of a window.
 *
 * @param segmentBy customer attribute for the segment rules; null to skip them
 */
public record InsightsQuery(TenantId tenant, Window window, String segmentBy) {
    public InsightsQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(window, "window");
        if (segmentBy != null && segmentBy.isBlank()) {
            throw new IllegalArgumentException("segment_by must not be blank");
        }
    }
}
