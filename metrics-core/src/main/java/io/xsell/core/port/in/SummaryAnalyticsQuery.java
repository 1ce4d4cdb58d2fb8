package io.xsell.core.port.in;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.model.TenantId;
import java.util.Objects;

/**
 * A request for the analytics a periodic summary shows for one tenant and window.
 *
 * @param segmentBy customer attribute for the segment rules; null for none
 * @param names     the names the insights' prose gives lines and segment values
 */
public record SummaryAnalyticsQuery(TenantId tenant, Window window, String segmentBy, DisplayNames names) {
    public SummaryAnalyticsQuery(TenantId tenant, Window window, String segmentBy) {
        this(tenant, window, segmentBy, DisplayNames.empty());
    }

    public SummaryAnalyticsQuery {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(window, "window");
        if (segmentBy != null && segmentBy.isBlank()) {
            throw new IllegalArgumentException("segment_by must not be blank");
        }
    }
}
