package io.xsell.server.connections;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.xsell.ingestion.provider.SyncProgress;
import java.time.Duration;

/**
 * The scheduled sync of every provider: one persistent task instance per connection (its id is the
 * connection id) syncs the connection, then reschedules itself one interval later. db-scheduler
 * runs each instance on one server at a time, however many share the database; an instance whose
 * server died is revived.
 */
public final class ConnectionSyncTask {
    private ConnectionSyncTask() {
    }

    /** @param name the provider's task name ({@code stripe-sync}, {@code chargebee-sync}): kept in the database */
    public static Task<Void> create(String name, ProviderSync sync, Duration interval) {
        return Tasks.custom(name, Void.class)
                .onFailureReschedule(Schedules.fixedDelay(interval))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    if (!sync.exists(instance.getId())) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    sync.sync(instance.getId(), SyncProgress.NONE);
                    return new CompletionHandler.OnCompleteReschedule<>(Schedules.fixedDelay(interval));
                });
    }
}
