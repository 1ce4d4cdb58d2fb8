package io.xsell.ingestion.provider;

/** Told after each stored page; implementations must be thread-safe (slices may be read in parallel). */
public interface SyncProgress {
    SyncProgress NONE = (list, stored, total) -> { };

    /**
     * @param list   the provider's name of the list just read (Stripe's object type, Chargebee's resource)
     * @param stored objects of {@code list} in the page just stored
     * @param total  objects stored so far by this backfill, all lists together
     */
    void pageStored(String list, int stored, long total);
}
