package io.xsell.server.chargebee;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.xsell.ingestion.provider.SyncProgress;
import io.xsell.server.connections.ConnectionSyncTask;
import io.xsell.server.connections.ProviderSync;
import io.xsell.server.connections.SyncRun;
import java.time.Duration;

/** Chargebee's scheduled sync, one task instance per connection (see {@link ConnectionSyncTask}). */
public final class ChargebeeSyncTask {
    public static final String NAME = "chargebee-sync";

    private ChargebeeSyncTask() {
    }

    public static Task<Void> create(ChargebeeSyncService sync, Duration interval) {
        return ConnectionSyncTask.create(NAME, providerSync(sync), interval);
    }

    /** The Chargebee sync as the schedule and the {@code sync} command see it. */
    public static ProviderSync providerSync(ChargebeeSyncService sync) {
        return new ProviderSync() {
            @Override
            public boolean exists(String connectionId) {
                return sync.connection(connectionId).isPresent();
            }

            @Override
            public SyncRun sync(String connectionId, SyncProgress progress) {
                return sync.sync(connectionId, progress);
            }
        };
    }

    public static TaskInstance<Void> instance(String connectionId) {
        return new TaskInstance<>(NAME, connectionId);
    }
}
