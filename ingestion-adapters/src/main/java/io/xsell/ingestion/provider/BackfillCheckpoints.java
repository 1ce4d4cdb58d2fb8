package io.xsell.ingestion.provider;

import java.util.List;

/**
 * Where a backfill stands in each list it reads, stored with the page it read so that a backfill
 * killed midway starts again after the last stored page.
 */
public interface BackfillCheckpoints {
    /** The offset recorded once a list has been read to its end. */
    String DONE = "done";

    /** The offset to continue {@code listName} from; null to start it from its beginning. */
    String offset(String listName);

    /**
     * Stores one page's records and the offset of the next page together (one transaction): the
     * next offset must never be recorded without the records that came before it.
     *
     * @param nextOffset the provider's offset of the next page, or {@link #DONE} after the last page
     */
    void save(String listName, String nextOffset, List<ProviderRecord> records);
}
