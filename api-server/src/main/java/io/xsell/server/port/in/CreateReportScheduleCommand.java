package io.xsell.server.port.in;

import io.xsell.core.model.TenantId;
import io.xsell.reporting.schedule.SendSchedule;
import java.util.List;
import java.util.Objects;

/**
 * Create a standing order for emailed summaries.
 *
 * @param recipients checked addresses, at least one
 * @param segmentBy  attribute of the segment section; null for the configured default
 */
public record CreateReportScheduleCommand(TenantId tenant, SendSchedule schedule, List<String> recipients,
                                          String segmentBy) {
    public CreateReportScheduleCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(schedule, "schedule");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("recipients must not be empty");
        }
        if (segmentBy != null && segmentBy.isBlank()) {
            throw new IllegalArgumentException("segmentBy must not be blank");
        }
    }
}
