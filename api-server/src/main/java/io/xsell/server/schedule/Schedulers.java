package io.xsell.server.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.xsell.server.persistence.Dialect;
import java.util.ArrayList;
import java.util.Collection;

/** Builds the scheduler and its client the same way for the server and for tests. */
public final class Schedulers {

    private Schedulers() {
    }

    /**
     * A scheduler that knows {@code tasks} and starts {@code recurring} (whose first execution it
     * inserts if no instance of the cluster did yet). Not started.
     */
    public static Scheduler scheduler(SchedulerDatabase database, SchedulerConfig config, String name,
            Collection<? extends Task<?>> tasks, Collection<? extends RecurringTask<?>> recurring) {
        // startTasks adds the recurring tasks to the known ones itself
        SchedulerBuilder builder = Scheduler.create(database.dataSource(), new ArrayList<Task<?>>(tasks))
                .jdbcCustomization(database.customization())
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(config.getThreads())
                .pollingInterval(config.getPollingInterval().toJavaDuration())
                .heartbeatInterval(config.getHeartbeatInterval().toJavaDuration())
                .alwaysPersistTimestampInUTC()
                .enableImmediateExecution()
                .startTasks(new ArrayList<RecurringTask<?>>(recurring));
        if (database.dialect() == Dialect.POSTGRESQL) {
            // each poll locks the rows it takes (FOR UPDATE SKIP LOCKED): instances never race for one execution
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        return builder.build();
    }

    /** Schedules, reschedules and cancels task instances; needs no running scheduler. */
    public static SchedulerClient client(SchedulerDatabase database) {
        return SchedulerClient.Builder.create(database.dataSource())
                .jdbcCustomization(database.customization())
                .build();
    }
}
