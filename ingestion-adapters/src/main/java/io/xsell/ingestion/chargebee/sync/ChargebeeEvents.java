package io.xsell.ingestion.chargebee.sync;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.xsell.ingestion.chargebee.api.ChargebeeApi;
import io.xsell.ingestion.chargebee.api.ChargebeePage;
import io.xsell.ingestion.provider.ProviderRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Events API from a cursor, oldest first ({@code sort_by[asc]=occurred_at}), and says
 * what each event changes in the mirror. The read starts at the cursor's second itself
 * ({@code occurred_at[after]} is exclusive, so one second earlier): several events can share a
 * second, and an event seen twice changes nothing (the mirror keeps the newest
 * {@code resource_version}; the server's inbox drops an event id it has).
 */
public final class ChargebeeEvents {
    /** The event of a change to a subscription's items, their quantities or prices, or its coupons. */
    public static final String SUBSCRIPTION_CHANGED = "subscription_changed";

    private final ChargebeeApi api;

    public ChargebeeEvents(ChargebeeApi api) {
        this.api = api;
    }

    public void readAfter(EventCursor cursor, EventBatchConsumer consumer) {
        Map<String, String> params = Map.of("occurred_at[after]", Long.toString(Math.max(0, cursor.occurredAt() - 1)),
                "sort_by[asc]", "occurred_at");
        String offset = null;
        EventCursor at = cursor;
        do {
            ChargebeePage page = api.page("/api/v2/events", params, offset);
            List<JsonObject> events = page.resources("event");
            for (JsonObject event : events) {
                if (occurredAt(event) >= at.occurredAt()) {
                    at = new EventCursor(occurredAt(event), id(event));
                }
            }
            consumer.accept(events, at);
            offset = page.nextOffset();
        } while (offset != null);
    }

    public static String id(JsonObject event) {
        return required(event, "id").getAsString();
    }

    public static long occurredAt(JsonObject event) {
        return required(event, "occurred_at").getAsLong();
    }

    /**
     * The resources in the event's {@code content} that the mirror keeps; a resource named by a
     * {@code *_deleted} event type comes back marked deleted.
     */
    public static List<ProviderRecord> records(JsonObject event) {
        String eventType = required(event, "event_type").getAsString();
        JsonElement content = required(event, "content");
        List<ProviderRecord> records = new ArrayList<>();
        for (Map.Entry<String, JsonElement> entry : content.getAsJsonObject().entrySet()) {
            String type = entry.getKey();
            if (ChargebeeRecords.TYPES.contains(type) && entry.getValue().isJsonObject()) {
                records.add(ChargebeeRecords.of(type, entry.getValue().getAsJsonObject(),
                        eventType.equals(type + "_deleted")));
            } else if (type.equals("unbilled_charges") && entry.getValue().isJsonArray()) {
                for (JsonElement charge : (JsonArray) entry.getValue()) {
                    records.add(ChargebeeRecords.of("unbilled_charge", charge.getAsJsonObject(),
                            // once invoiced, the invoice's line carries the charge
                            eventType.equals("unbilled_charges_deleted")
                                    || eventType.equals("unbilled_charges_invoiced")));
                }
            }
        }
        change(event).ifPresent(records::add);
        return records;
    }

    /**
     * A {@code subscription_changed} event as a {@code subscription_change} record, id the event's:
     * the subscription right after the change ({@code content.subscription}) and when it happened
     * ({@code occurred_at}). It dates a change that no invoice line or unbilled charge dates (made
     * with {@code prorate=false}, or an item added or removed without proration). Its version is
     * {@code occurred_at} in milliseconds, so the same event stored twice changes nothing. Empty for
     * any other event.
     */
    public static Optional<ProviderRecord> change(JsonObject event) {
        JsonElement type = event.get("event_type");
        JsonElement content = event.get("content");
        if (type == null || !SUBSCRIPTION_CHANGED.equals(type.getAsString()) || content == null
                || !content.isJsonObject() || !content.getAsJsonObject().has("subscription")
                || !content.getAsJsonObject().get("subscription").isJsonObject()) {
            return Optional.empty();
        }
        JsonObject change = new JsonObject();
        change.addProperty("id", id(event));
        change.addProperty("occurred_at", occurredAt(event));
        change.add("subscription", content.getAsJsonObject().get("subscription"));
        return Optional.of(new ProviderRecord(ChargebeeRecords.SUBSCRIPTION_CHANGE, id(event),
                occurredAt(event) * 1000, change.toString(), false));
    }

    private static JsonElement required(JsonObject event, String field) {
        JsonElement value = event.get(field);
        if (value == null || value.isJsonNull()) {
            throw new IllegalStateException("a Chargebee event without \"" + field + "\""
                    + (event.has("id") ? " (" + event.get("id") + ")" : ""));
        }
        return value;
    }
}
