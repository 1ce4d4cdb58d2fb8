package io.xsell.server.reporting;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.xsell.core.model.TenantId;
import io.xsell.reporting.schedule.SendSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, changes and deletes report schedules: the row that says what to send, and the scheduler's
 * task instance that says when. The row is written first and the instance second, so the task
 * never runs for a schedule it cannot read; a run whose row was deleted ends its instance.
 */
public class ReportSchedules {
    private final JdbiReportScheduleStore store;
    private final SchedulerClient scheduler;
    private final Clock clock;

    public ReportSchedules(JdbiReportScheduleStore store, SchedulerClient scheduler, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.clock = Objects.requireNonNull(clock);
    }

    public ReportSchedule create(TenantId tenant, SendSchedule schedule, List<String> recipients, String segmentBy) {
        Instant now = clock.instant();
        ReportSchedule created = new ReportSchedule(UUID.randomUUID().toString(), tenant, schedule, recipients,
                segmentBy, now, schedule.nextRunAfter(now));
        store.insert(created);
        try {
            scheduler.scheduleIfNotExists(ReportScheduleTask.TASK.instance(created.id()).build(), created.nextRunAt());
        } catch (RuntimeException e) {
            store.delete(tenant, created.id());
            throw e;
        }
        return created;
    }

    /**
     * New settings for the tenant's schedule, its next send planned again from now; empty when the
     * tenant has no such schedule. A run in progress keeps its period and plans its successor from
     * the row as it then stands.
     */
    public Optional<ReportSchedule> update(TenantId tenant, String id, SendSchedule schedule, List<String> recipients,
                                           String segmentBy) {
        Optional<ReportSchedule> current = store.find(tenant, id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ReportSchedule updated = new ReportSchedule(id, tenant, schedule, recipients, segmentBy,
                current.get().createdAt(), schedule.nextRunAfter(clock.instant()));
        if (!store.update(updated)) {
            return Optional.empty();
        }
        TaskInstanceId instance = ReportScheduleTask.TASK.instanceId(id);
        Optional<ScheduledExecution<Object>> execution = scheduler.getScheduledExecution(instance);
        if (execution.isEmpty()) {
            scheduler.scheduleIfNotExists(ReportScheduleTask.TASK.instance(id).build(), updated.nextRunAt());
        } else if (!execution.get().isPicked()) {
            scheduler.reschedule(instance, updated.nextRunAt());
        }
        return Optional.of(updated);
    }

    /** False when the tenant has no such schedule. */
    public boolean delete(TenantId tenant, String id) {
        if (!store.delete(tenant, id)) {
            return false;
        }
        // Best effort: if this fails, the next run finds no row and ends the instance itself.
        scheduler.getScheduledExecution(ReportScheduleTask.TASK.instanceId(id))
                .ifPresent(execution -> {
                    if (!execution.isPicked()) {
                        scheduler.cancel(ReportScheduleTask.TASK.instanceId(id));
                    }
                });
        return true;
    }
}
