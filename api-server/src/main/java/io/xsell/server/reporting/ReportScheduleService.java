package io.xsell.server.reporting;

import io.xsell.core.model.TenantId;
import io.xsell.server.port.in.CreateReportScheduleCommand;
import io.xsell.server.port.in.LimitReachedException;
import io.xsell.server.port.in.ManageReportSchedulesUseCase;
import io.xsell.server.port.in.UnsubscribeUseCase;
import java.util.List;
import java.util.Optional;

/** The report-schedule use case over {@link ReportSchedules} (row and scheduler instance) and the schedule store. */
public class ReportScheduleService implements ManageReportSchedulesUseCase, UnsubscribeUseCase {
    static final int MAX_TOKEN_LENGTH = 100;
    static final int MAX_SCHEDULES_PER_TENANT = 100;

    private final ReportSchedules schedules;
    private final JdbiReportScheduleStore store;

    public ReportScheduleService(ReportSchedules schedules, JdbiReportScheduleStore store) {
        this.schedules = schedules;
        this.store = store;
    }

    @Override
    public ReportSchedule create(CreateReportScheduleCommand command) {
        if (store.count(command.tenant()) >= MAX_SCHEDULES_PER_TENANT) {
            throw new LimitReachedException("a tenant has at most " + MAX_SCHEDULES_PER_TENANT + " report schedules");
        }
        return schedules.create(command.tenant(), command.schedule(), command.recipients(), command.segmentBy());
    }

    @Override
    public List<ReportSchedule> schedules(TenantId tenant) {
        return store.list(tenant);
    }

    @Override
    public Optional<ReportSchedule> schedule(TenantId tenant, String id) {
        return store.find(tenant, id);
    }

    @Override
    public Optional<ReportSchedule> update(String id, CreateReportScheduleCommand settings) {
        return schedules.update(settings.tenant(), id, settings.schedule(), settings.recipients(), settings.segmentBy());
    }

    @Override
    public boolean delete(TenantId tenant, String id) {
        return schedules.delete(tenant, id);
    }

    @Override
    public Optional<ReportSchedule> scheduleOfToken(String token) {
        return token == null || token.length() > MAX_TOKEN_LENGTH ? Optional.empty() : store.findByUnsubscribeToken(token);
    }

    @Override
    public boolean unsubscribe(String token) {
        Optional<ReportSchedule> schedule = scheduleOfToken(token);
        return schedule.isPresent() && schedules.delete(schedule.get().tenant(), schedule.get().id());
    }
}
