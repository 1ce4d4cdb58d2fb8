package io.xsell.server.connections;

import io.xsell.ingestion.provider.SyncProgress;

/** One provider's sync of a connection, as the schedule and the {@code sync} command run it. */
public interface ProviderSync {
    /** True while the connection exists (a deleted one's scheduled task removes itself). */
    boolean exists(String connectionId);

    /** Runs one sync to its end and records it; a provider or data failure is recorded in the run, not thrown. */
    SyncRun sync(String connectionId, SyncProgress progress);
}
