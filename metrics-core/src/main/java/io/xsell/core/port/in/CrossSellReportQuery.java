package io.xsell.core.port.in;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import java.util.Objects;

/**
 * A request for the cross-sell window report of one tenant.
 *
 * @param segmentBy customer attribute to segment on; null for no segmentation
 */
public record CrossSellReportQuery(TenantId tenant, Window window, String segmentBy) {
    public CrossSellReportQuery {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(window, "window");
        if (segmentBy != null && segmentBy.isBlank()) {
            throw new IllegalArgumentException("segment_by must not be blank");
        }
    }
}
