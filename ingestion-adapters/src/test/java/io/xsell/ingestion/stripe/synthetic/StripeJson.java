package io.xsell.ingestion.stripe.synthetic;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/** Small helpers to write Stripe-shaped JSON as the API reference describes it. */
final class StripeJson {
    private StripeJson() {
    }

    static JsonObject object(String type, String id) {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("object", type);
        json.addProperty("livemode", false);
        return json;
    }

    static JsonObject metadata(Map<String, String> values) {
        JsonObject json = new JsonObject();
        values.forEach(json::addProperty);
        return json;
    }

    static JsonObject list(String url, List<JsonObject> data) {
        JsonObject json = new JsonObject();
        json.addProperty("object", "list");
        JsonArray array = new JsonArray();
        data.forEach(array::add);
        json.add("data", array);
        json.addProperty("has_more", false);
        json.addProperty("total_count", data.size());
        json.addProperty("url", url);
        return json;
    }

    static void nullable(JsonObject json, String field, Long value) {
        if (value == null) {
            json.add(field, JsonNull.INSTANCE);
        } else {
            json.addProperty(field, value);
        }
    }

    static void nullable(JsonObject json, String field, String value) {
        if (value == null) {
            json.add(field, JsonNull.INSTANCE);
        } else {
            json.addProperty(field, value);
        }
    }

    /** What an {@code *.updated} event lists in {@code data.previous_attributes}: the fields that changed, as they were. */
    static JsonObject previousAttributes(JsonObject before, JsonObject after) {
        JsonObject previous = new JsonObject();
        for (String field : after.keySet()) {
            if (!after.get(field).equals(before.get(field))) {
                previous.add(field, before.get(field));
            }
        }
        return previous;
    }
}
