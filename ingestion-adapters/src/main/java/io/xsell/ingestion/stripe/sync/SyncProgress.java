package io.xsell.ingestion.stripe.sync;

/** Told after each stored page; implementations must be thread-safe (slices are read in parallel). */
public interface SyncProgress {
    SyncProgress NONE = (list, stored, total) -> { };

    /**
     * @param stored objects of {@code list} in the page just stored
     * @param total  objects stored so far by this backfill, all lists together
     */
    void pageStored(StripeList list, int stored, long total);
}
