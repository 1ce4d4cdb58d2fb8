package io.xsell.ingestion.stripe.sync;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.xsell.ingestion.stripe.StripeObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@code customer.subscription.updated} event says about its items. Stripe lists in
 * {@code data.previous_attributes} the values the event changed, the whole {@code items} list
 * included when an item was added, removed or changed its price or quantity. Comparing it with
 * {@code data.object.items} gives, for each item, its new state from the event's {@code created}
 * time: the day the change happened in Stripe, whatever the proration setting. Each change is a
 * record of its own (id: event id and item id), so an event applied twice or out of order gives
 * the same records.
 */
public final class ItemChanges {
    private ItemChanges() {
    }

    public static List<StripeRecord> of(JsonObject event) {
        if (!"customer.subscription.updated".equals(string(event, "type"))) {
            return List.of();
        }
        JsonObject data = event.getAsJsonObject("data");
        JsonObject subscription = data == null ? null : data.getAsJsonObject("object");
        JsonObject previous = data == null || !(data.get("previous_attributes") instanceof JsonObject p) ? null : p;
        if (subscription == null || previous == null || !(previous.get("items") instanceof JsonObject)) {
            return List.of();
        }
        long created = event.get("created").getAsLong();
        Map<String, JsonObject> before = items(previous.getAsJsonObject("items"));
        Map<String, JsonObject> after = items(subscription.getAsJsonObject("items"));
        List<StripeRecord> records = new ArrayList<>();
        for (Map.Entry<String, JsonObject> item : after.entrySet()) {
            JsonObject old = before.get(item.getKey());
            if (old == null || !Objects.equals(state(old), state(item.getValue()))) {
                records.add(change(event, subscription, item.getKey(), item.getValue(), created, false));
            }
        }
        for (Map.Entry<String, JsonObject> item : before.entrySet()) {
            if (!after.containsKey(item.getKey())) {
                records.add(change(event, subscription, item.getKey(), item.getValue(), created, true));
            }
        }
        return records;
    }

    private static StripeRecord change(JsonObject event, JsonObject subscription, String itemId, JsonObject item,
                                       long created, boolean removed) {
        JsonObject change = new JsonObject();
        change.addProperty("id", string(event, "id") + ":" + itemId);
        change.addProperty("object", StripeObjectType.ITEM_CHANGE.wireName());
        change.addProperty("subscription", string(subscription, "id"));
        change.addProperty("subscription_item", itemId);
        change.addProperty("at", created);
        change.addProperty("removed", removed);
        change.addProperty("price", priceId(item));
        change.addProperty("quantity", item.has("quantity") && !item.get("quantity").isJsonNull()
                ? item.get("quantity").getAsLong() : 1);
        JsonArray discounts = new JsonArray();
        ids(subscription.get("discounts"), discounts);
        ids(item.get("discounts"), discounts);
        change.add("discounts", discounts);
        return new StripeRecord(StripeObjectType.ITEM_CHANGE, change.get("id").getAsString(), created,
                change.toString());
    }

    private static List<Object> state(JsonObject item) {
        return List.of(String.valueOf(priceId(item)), String.valueOf(item.get("quantity")));
    }

    private static String priceId(JsonObject item) {
        JsonElement price = item.get("price");
        if (price instanceof JsonObject expanded) {
            return string(expanded, "id");
        }
        return price == null || price.isJsonNull() ? null : price.getAsString();
    }

    private static void ids(JsonElement discounts, JsonArray into) {
        if (discounts == null || !discounts.isJsonArray()) {
            return;
        }
        for (JsonElement discount : discounts.getAsJsonArray()) {
            String id = discount instanceof JsonObject expanded ? string(expanded, "id")
                    : discount.isJsonPrimitive() ? discount.getAsString() : null;
            if (id != null) {
                into.add(id);
            }
        }
    }

    private static Map<String, JsonObject> items(JsonObject list) {
        Map<String, JsonObject> items = new LinkedHashMap<>();
        if (list != null && list.get("data") instanceof JsonArray data) {
            for (JsonElement element : data) {
                if (element instanceof JsonObject item && item.has("id")) {
                    items.put(item.get("id").getAsString(), item);
                }
            }
        }
        return items;
    }

    private static String string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
