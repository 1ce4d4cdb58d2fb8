package io.xsell.server.port.in;

import io.xsell.core.model.TenantId;
import io.xsell.server.reporting.ReportSchedule;
import java.util.List;
import java.util.Optional;

/** A tenant's report schedules: created (and scheduled), read, changed and deleted; another tenant's are never found. */
public interface ManageReportSchedulesUseCase {
    /** @throws LimitReachedException when the tenant has as many schedules as it may */
    ReportSchedule create(CreateReportScheduleCommand command);

    /** Oldest first. */
    List<ReportSchedule> schedules(TenantId tenant);

    Optional<ReportSchedule> schedule(TenantId tenant, String id);

    /**
     * Replaces the schedule's settings with the command's (its tenant must be the schedule's) and
     * plans its next send from them; empty when the tenant has no such schedule.
     */
    Optional<ReportSchedule> update(String id, CreateReportScheduleCommand settings);

    /** False when the tenant has no such schedule; reports it generated stay. */
    boolean delete(TenantId tenant, String id);
}
