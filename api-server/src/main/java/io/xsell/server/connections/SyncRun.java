package io.xsell.server.connections;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One sync of a connection.
 *
 * @param kind             {@code backfill} (the whole account), {@code resync} (a backfill because the
 *                         event cursor was too old) or {@code incremental} (events since the cursor)
 * @param state            {@code running}, {@code succeeded} or {@code failed}
 * @param objectsEstimated null until an earlier backfill of the connection gives an estimate
 * @param counts           objects stored, by provider object type (and {@code events} for incremental runs)
 */
public record SyncRun(String id, String connectionId, String kind, String state, Instant startedAt,
                      Instant finishedAt, long objectsDone, Long objectsEstimated, Map<String, Long> counts,
                      List<String> errors) {
}
