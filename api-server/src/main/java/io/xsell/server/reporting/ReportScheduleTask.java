package io.xsell.server.reporting;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.xsell.reporting.delivery.OutboxDispatcher;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The db-scheduler task of report schedules: one task instance per schedule, its id the
 * schedule's. A run reports on the period before its scheduled time (not the time it actually
 * starts, so a late run still reports the right period), queues the email, then reschedules
 * itself for the schedule's next send instant. A schedule deleted meanwhile ends its instance.
 */
public final class ReportScheduleTask {
    public static final TaskDescriptor<Void> TASK = TaskDescriptor.of("report-schedule", Void.class);
    private static final Logger LOG = LoggerFactory.getLogger(ReportScheduleTask.class);

    private ReportScheduleTask() {
    }

    public static CustomTask<Void> create(JdbiReportScheduleStore schedules, ReportGeneration generation,
                                          OutboxDispatcher outbox) {
        return Tasks.custom(TASK).execute((instance, context) -> {
            Instant runAt = context.getExecution().getExecutionTime();
            Optional<ReportSchedule> found = schedules.find(instance.getId());
            if (found.isEmpty()) {
                return (complete, operations) -> operations.remove();
            }
            ReportSchedule schedule = found.get();
            String report = generation.runScheduled(schedule, runAt);
            // From the row as it stands now: a schedule edited during the run keeps its new send time.
            Instant next = schedules.find(schedule.id()).orElse(schedule).schedule().nextRunAfter(runAt);
            schedules.setNextRun(schedule.id(), next);
            LOG.info("report schedule {} of tenant {}: report {} for the run at {}; next run {}", schedule.id(),
                    schedule.tenant().value(), report, runAt, next);
            // Sent now rather than at the outbox task's next poll; a claim is atomic, so the two never both send.
            outbox.dispatchDue();
            return (complete, operations) -> operations.reschedule(complete, next);
        });
    }
}
