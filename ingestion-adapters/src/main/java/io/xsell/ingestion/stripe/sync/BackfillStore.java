package io.xsell.ingestion.stripe.sync;

import java.util.List;
import java.util.Optional;

/** Where a backfill keeps its plan, checkpoints and the objects it read; implemented by persistence. */
public interface BackfillStore {

    /** The plan of the backfill being resumed, with each slice's checkpoint; empty for a fresh start. */
    Optional<ResumePoint> resumePoint();

    /** Stores a fresh plan before any page is read. */
    void startPlan(BackfillPlan plan);

    /**
     * Stores one page's objects and moves the slice's checkpoint past them, atomically: after a
     * crash either both happened or neither, so no page is lost and none is counted twice.
     */
    void savePage(SliceState after, List<StripeRecord> records);

    /** The plan and the state of each of its slices. */
    record ResumePoint(BackfillPlan plan, List<SliceState> slices) {
    }
}
