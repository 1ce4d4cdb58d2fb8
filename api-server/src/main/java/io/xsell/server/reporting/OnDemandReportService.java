package io.xsell.server.reporting;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.server.port.in.SendReportNowUseCase;
import java.time.Clock;
import java.util.Optional;

/**
 * "Send now": the scheduled run's code path ({@link ReportGeneration}, then the outbox, whose atomic
 * claim sends each email once) for a period the caller picks.
 */
public class OnDemandReportService implements SendReportNowUseCase {
    private final JdbiReportScheduleStore schedules;
    private final JdbiReportStore reports;
    private final ReportGeneration generation;
    private final Clock clock;

    public OnDemandReportService(JdbiReportScheduleStore schedules, JdbiReportStore reports,
                                 ReportGeneration generation, Clock clock) {
        this.schedules = schedules;
        this.reports = reports;
        this.generation = generation;
        this.clock = clock;
    }

    @Override
    public Optional<StoredReport> sendNow(TenantId tenant, String scheduleId, Window period) {
        return schedules.find(tenant, scheduleId).map(schedule -> {
            Window reported = period != null ? period : schedule.schedule().periodReportedAt(clock.instant());
            boolean cadencePeriod = reported.equals(schedule.schedule().cadence().periodOf(reported.from()));
            String id = generation.onDemand(schedule, cadencePeriod ? schedule.schedule().cadence() : null, reported);
            return reports.find(tenant, id).orElseThrow();
        });
    }
}
