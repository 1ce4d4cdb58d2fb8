package io.xsell.reporting.summary;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.reporting.schedule.Cadence;
import java.util.Objects;

/**
 * What to summarise.
 *
 * @param cadence   the kind of period; null for a free window, which is then compared with the
 *                  window of equal length just before it
 * @param segmentBy customer attribute for penetration by segment; a tenant whose customers lack it
 *                  gets no segment section
 */
public record SummaryRequest(TenantId tenant, String tenantName, Cadence cadence, Window period, String segmentBy) {
    public static final String DEFAULT_SEGMENT_BY = "segment";

    public SummaryRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(tenantName, "tenantName");
        Objects.requireNonNull(period, "period");
        if (segmentBy != null && segmentBy.isBlank()) {
            throw new IllegalArgumentException("segment_by must not be blank");
        }
    }

    public Window previousPeriod() {
        return cadence != null ? cadence.previousPeriod(period)
                : new Window(period.from().minusDays(period.days()), period.from());
    }
}
