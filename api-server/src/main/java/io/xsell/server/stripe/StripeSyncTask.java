package io.xsell.server.stripe;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.xsell.ingestion.provider.SyncProgress;
import java.time.Duration;

/**
 * One persistent task instance per connection (its id is the connection id): it syncs the
 * connection, then reschedules itself one interval later. db-scheduler runs each instance on one
 * server at a time, however many share the database; an instance whose server died is revived.
 */
public final class StripeSyncTask {
    public static final String NAME = "stripe-sync";

    private StripeSyncTask() {
    }

    public static Task<Void> create(StripeSyncService sync, Duration interval) {
        return Tasks.custom(NAME, Void.class)
                .onFailureReschedule(Schedules.fixedDelay(interval))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    if (sync.store().connection(instance.getId()).isEmpty()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    sync.sync(instance.getId(), SyncProgress.NONE);
                    return new CompletionHandler.OnCompleteReschedule<>(Schedules.fixedDelay(interval));
                });
    }

    public static TaskInstance<Void> instance(String connectionId) {
        return new TaskInstance<>(NAME, connectionId);
    }
}
