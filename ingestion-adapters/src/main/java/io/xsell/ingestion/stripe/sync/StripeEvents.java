package io.xsell.ingestion.stripe.sync;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.xsell.ingestion.stripe.StripeObjectType;
import io.xsell.ingestion.stripe.api.StripeApi;
import io.xsell.ingestion.stripe.api.StripePage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stripe's Events API, read forward from a cursor, and what an event does to the mirrored objects. */
public final class StripeEvents {
    /** Stripe keeps events for 30 days: a cursor older than that may have gaps after it. */
    public static final long RETENTION_SECONDS = 30L * 86_400;

    private final StripeApi api;

    public StripeEvents(StripeApi api) {
        this.api = api;
    }

    /** Receives the events after the cursor, oldest first, page by page. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param events        oldest first
         * @param cursor        the newest of them: where the next read continues
         * @param cursorCreated its Unix time
         */
        void accept(List<JsonObject> events, String cursor, long cursorCreated);
    }

    /**
     * Reads every event newer than {@code cursor} (or, with no cursor, created at or after
     * {@code since}), oldest page first, handing each page to {@code sink} before reading on.
     */
    public void readAfter(String cursor, long since, Sink sink) {
        if (cursor == null) {
            List<JsonObject> all = new ArrayList<>();
            String after = null;
            while (true) {
                Map<String, String> query = new LinkedHashMap<>();
                query.put("limit", Integer.toString(StripeList.PAGE_SIZE));
                query.put("created[gte]", Long.toString(since));
                if (after != null) {
                    query.put("starting_after", after);
                }
                StripePage page = api.list("/v1/events", query);
                for (int i = 0; i < page.size(); i++) {
                    all.add(page.object(i));
                }
                if (!page.hasMore() || page.isEmpty()) {
                    break;
                }
                after = page.lastId();
            }
            if (!all.isEmpty()) {
                Collections.reverse(all);
                JsonObject newest = all.get(all.size() - 1);
                sink.accept(all, newest.get("id").getAsString(), newest.get("created").getAsLong());
            }
            return;
        }
        String position = cursor;
        while (true) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", Integer.toString(StripeList.PAGE_SIZE));
            query.put("ending_before", position);
            StripePage page = api.list("/v1/events", query);
            if (page.isEmpty()) {
                return;
            }
            List<JsonObject> oldestFirst = new ArrayList<>();
            for (int i = page.size() - 1; i >= 0; i--) {
                oldestFirst.add(page.object(i));
            }
            JsonObject newest = oldestFirst.get(oldestFirst.size() - 1);
            sink.accept(oldestFirst, newest.get("id").getAsString(), newest.get("created").getAsLong());
            position = newest.get("id").getAsString();
            if (!page.hasMore()) {
                return;
            }
        }
    }

    /**
     * What an event does to the mirror: the object it carries, stored at the event's time (so an
     * older event never overwrites a newer state), or a deletion. Empty for objects xsell does not
     * mirror. {@code customer.subscription.deleted} is a cancellation, not a deletion: the
     * canceled subscription is kept, its history matters.
     */
    public static List<StripeRecord> records(JsonObject event) {
        Optional<StripeRecord> record = record(event);
        if (record.isEmpty() || record.get().deleted()) {
            return record.map(List::of).orElse(List.of());
        }
        JsonObject object = event.getAsJsonObject("data").getAsJsonObject("object");
        List<StripeRecord> records = new ArrayList<>(StripeRecords.of(record.get().type(), object,
                record.get().version()));
        records.addAll(ItemChanges.of(event));
        return records;
    }

    /** The object an event carries, or its deletion (see {@link #records}, which adds what it derives). */
    public static Optional<StripeRecord> record(JsonObject event) {
        JsonObject data = event.getAsJsonObject("data");
        JsonElement object = data == null ? null : data.get("object");
        if (object == null || !object.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject value = object.getAsJsonObject();
        Optional<StripeObjectType> type = StripeObjectType.fromWireName(value.get("object").getAsString());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String eventType = event.get("type").getAsString();
        long version = event.get("created").getAsLong();
        String id = value.get("id").getAsString();
        boolean deleted = eventType.endsWith(".deleted") && type.get() != StripeObjectType.SUBSCRIPTION
                || value.has("deleted") && value.get("deleted").getAsBoolean();
        return Optional.of(new StripeRecord(type.get(), id, version, deleted ? null : value.toString()));
    }
}
