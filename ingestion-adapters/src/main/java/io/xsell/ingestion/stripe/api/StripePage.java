package io.xsell.ingestion.stripe.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a Stripe list, parsed with Gson: its objects in Stripe's order (newest first) and
 * whether more follow. Stripe writes its JSON pretty-printed ({@code "has_more": true}), so nothing
 * here looks at the text.
 */
public record StripePage(List<JsonObject> objects, boolean hasMore) {
    public StripePage {
        objects = List.copyOf(objects);
    }

    /**
     * A list answer as Stripe documents it: {@code {"object": "list", "data": [...], "has_more": ...}}.
     *
     * @throws StripeCallFailedException when the body is not such a list (not JSON, no {@code data} array,
     *                                   an element that is not an object with an {@code id})
     */
    public static StripePage parse(String path, String body) {
        JsonObject list;
        try {
            JsonElement root = JsonParser.parseString(body);
            list = root.isJsonObject() ? root.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            throw new StripeCallFailedException("Stripe GET " + path + " answered invalid JSON: " + e.getMessage(),
                    200, e);
        }
        if (list == null || list.get("data") == null || !list.get("data").isJsonArray()) {
            throw new StripeCallFailedException("Stripe GET " + path + " answered no list", 200, null);
        }
        List<JsonObject> objects = new ArrayList<>();
        for (JsonElement element : list.getAsJsonArray("data")) {
            if (!element.isJsonObject() || !element.getAsJsonObject().has("id")) {
                throw new StripeCallFailedException("Stripe GET " + path + " listed an element without an id", 200,
                        null);
            }
            objects.add(element.getAsJsonObject());
        }
        JsonElement hasMore = list.get("has_more");
        return new StripePage(objects, hasMore != null && hasMore.isJsonPrimitive() && hasMore.getAsBoolean());
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }

    public int size() {
        return objects.size();
    }

    /** The {@code id} of the object at {@code index}. */
    public String id(int index) {
        return objects.get(index).get("id").getAsString();
    }

    /** The object at {@code index}. */
    public JsonObject object(int index) {
        return objects.get(index);
    }

    /** The id to pass as {@code starting_after} for the next page. */
    public String lastId() {
        return objects.isEmpty() ? null : id(objects.size() - 1);
    }

    public String firstId() {
        return objects.isEmpty() ? null : id(0);
    }
}
