package io.xsell.server.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One sync of a connection, with its counts as they stand (live while a backfill runs).
 *
 * @param kind             {@code backfill}, {@code resync} or {@code incremental}
 * @param state            {@code running}, {@code succeeded} or {@code failed}
 * @param objectsEstimated null until an earlier backfill of the connection gives an estimate
 */
public record SyncRunView(String id, String kind, String state, Instant startedAt, Instant finishedAt,
                          long objectsDone, Long objectsEstimated, Map<String, Long> counts, List<String> errors) {
}
