package io.xsell.ingestion.stripe.api;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;

/**
 * One page of a Stripe list: its objects in Stripe's order (newest first), each as the JSON text
 * Stripe sent, and whether more follow.
 */
public record StripePage(List<String> data, boolean hasMore) {
    public StripePage {
        data = List.copyOf(data);
    }

    public boolean isEmpty() {
        return data.isEmpty();
    }

    public int size() {
        return data.size();
    }

    /** The {@code id} of the object at {@code index}. */
    public String id(int index) {
        String id = RawJson.string(data.get(index), "id");
        if (id == null) {
            throw new IllegalArgumentException("a Stripe object without an id: " + data.get(index));
        }
        return id;
    }

    /** The object at {@code index}, parsed. */
    public JsonObject object(int index) {
        return JsonParser.parseString(data.get(index)).getAsJsonObject();
    }

    /** The id to pass as {@code starting_after} for the next page. */
    public String lastId() {
        return data.isEmpty() ? null : id(data.size() - 1);
    }

    public String firstId() {
        return data.isEmpty() ? null : id(0);
    }
}
