package io.xsell.ingestion.chargebee.sync;

import com.google.gson.JsonObject;
import io.xsell.ingestion.chargebee.api.ChargebeeApi;
import io.xsell.ingestion.chargebee.api.ChargebeePage;
import io.xsell.ingestion.provider.BackfillCheckpoints;
import io.xsell.ingestion.provider.ProviderRecord;
import io.xsell.ingestion.provider.SyncProgress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole Chargebee site, list after list, page after page ({@code offset} paging, 100 a
 * page), storing each page with the offset of the next one so that a backfill killed midway goes
 * on after the last stored page. Lists are read one at a time: Chargebee's limits are per site and
 * low, so parallel readers would only queue at the rate limiter.
 */
public final class ChargebeeBackfill {
    /** A checkpoint holding the Unix second the first run of this backfill began, as its offset. */
    public static final String STARTED = "backfill_started";
    /** Events are read from this long before the backfill began: a change made while a list was read is seen again. */
    static final long OVERLAP_SECONDS = 300;

    private final ChargebeeApi api;
    private final BackfillCheckpoints checkpoints;
    private final Clock clock;

    public ChargebeeBackfill(ChargebeeApi api, BackfillCheckpoints checkpoints, Clock clock) {
        this.api = api;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /**
     * @return where the Events API must be read from afterwards: shortly before the first run of
     *         this backfill began (a resumed run keeps the first run's start)
     */
    public EventCursor run(SyncProgress progress) throws InterruptedException {
        String started = checkpoints.offset(STARTED);
        if (started == null) {
            started = Long.toString(clock.instant().getEpochSecond());
            checkpoints.save(STARTED, started, List.of());
        }
        long total = 0;
        for (ChargebeeList list : ChargebeeList.values()) {
            String offset = checkpoints.offset(list.listName());
            while (!BackfillCheckpoints.DONE.equals(offset)) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("backfill interrupted in " + list.listName());
                }
                ChargebeePage page = api.page(list.path(), list.params(), offset);
                List<ProviderRecord> records = new ArrayList<>(page.entries().size());
                for (JsonObject resource : page.resources(list.resource())) {
                    if (list == ChargebeeList.SUBSCRIPTION_CHANGES) {
                        ChargebeeEvents.change(resource).ifPresent(records::add);
                    } else {
                        records.add(ChargebeeRecords.of(list.resource(), resource, isDeleted(resource)));
                    }
                }
                offset = page.nextOffset() == null ? BackfillCheckpoints.DONE : page.nextOffset();
                checkpoints.save(list.listName(), offset, records);
                total += records.size();
                progress.pageStored(list.listName(), records.size(), total);
            }
        }
        return new EventCursor(Math.max(0, Long.parseLong(started) - OVERLAP_SECONDS), null);
    }

    private static boolean isDeleted(JsonObject resource) {
        return resource.has("deleted") && resource.get("deleted").getAsBoolean();
    }
}
