package io.xsell.server.stripe;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.xsell.server.connections.ConnectionSyncTask;
import io.xsell.server.connections.ProviderSync;
import java.time.Duration;

/** Stripe's scheduled sync, one task instance per connection (see {@link ConnectionSyncTask}). */
public final class StripeSyncTask {
    public static final String NAME = "stripe-sync";

    private StripeSyncTask() {
    }

    public static Task<Void> create(StripeSyncService sync, Duration interval) {
        return ConnectionSyncTask.create(NAME, providerSync(sync), interval);
    }

    /** The Stripe sync as the schedule and the {@code sync} command see it. */
    public static ProviderSync providerSync(StripeSyncService sync) {
        return new ProviderSync() {
            @Override
            public boolean exists(String connectionId) {
                return sync.store().connection(connectionId).isPresent();
            }

            @Override
            public io.xsell.server.connections.SyncRun sync(String connectionId,
                                                             io.xsell.ingestion.provider.SyncProgress progress) {
                return sync.sync(connectionId, progress);
            }
        };
    }

    public static TaskInstance<Void> instance(String connectionId) {
        return new TaskInstance<>(NAME, connectionId);
    }
}
