package io.xsell.ingestion.stripe.sync;

import java.util.List;

/**
 * What a backfill reads, decided once at its start and kept with its checkpoints so that a
 * resumed backfill reads exactly the same slices.
 *
 * @param eventCursor        the newest event when the backfill began: incremental sync continues after it;
 *                           null when the account had no event
 * @param eventCursorCreated that event's Unix time; the backfill's start when there was none
 */
public record BackfillPlan(List<Slice> slices, String eventCursor, long eventCursorCreated) {
    public BackfillPlan {
        slices = List.copyOf(slices);
    }
}
