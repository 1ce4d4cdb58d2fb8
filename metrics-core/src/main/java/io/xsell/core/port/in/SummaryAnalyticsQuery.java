package io.xsell.core.port.in;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import java.util.Objects;

/**
 * A request for the analytics a periodic summary shows for one tenant and window.
 *
 * @param segmentBy customer attribute for the segment rules; null for none
 */
public record SummaryAnalyticsQuery(TenantId tenant, Window window, String segmentBy) {
    public SummaryAnalyticsQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(window, "window");
        if (segmentBy != null && segmentBy.isBlank()) {
            throw new IllegalArgumentException("segment_by must not be blank");
        }
    }
}
