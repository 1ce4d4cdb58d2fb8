package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.server.reporting.ReportSchedule;
import java.util.List;

/**
 * A report schedule as clients see it. {@code send_day}: ISO day of week for weekly (1 = Monday),
 * day of month for monthly, day of the quarter's first month for quarterly; {@code send_time} is
 * local to {@code time_zone}; {@code next_run_at} is the next send instant with the zone's offset.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportScheduleJson(String id, String cadence, String timeZone, int sendDay, String sendTime,
                                 List<String> recipients, String segmentBy, String createdAt, String nextRunAt) {

    public static ReportScheduleJson of(ReportSchedule s) {
        return new ReportScheduleJson(s.id(), s.schedule().cadence().code(), s.schedule().zone().getId(),
                s.schedule().sendDay(), s.schedule().sendTime().toString(), s.recipients(), s.segmentBy(),
                s.createdAt().toString(),
                s.nextRunAt().atZone(s.schedule().zone()).toOffsetDateTime().toString());
    }
}
