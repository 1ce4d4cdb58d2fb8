package io.xsell.server.reporting;

import io.xsell.core.model.TenantId;
import io.xsell.reporting.schedule.SendSchedule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's standing order for summaries.
 *
 * @param segmentBy attribute of the segment section; null for the configured default
 * @param nextRunAt when the scheduler runs it next
 */
public record ReportSchedule(String id, TenantId tenant, SendSchedule schedule, List<String> recipients,
                             String segmentBy, Instant createdAt, Instant nextRunAt) {
    public ReportSchedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(schedule, "schedule");
        recipients = List.copyOf(recipients);
    }
}
