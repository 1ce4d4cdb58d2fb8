package io.xsell.ingestion.stripe.api;

import com.google.gson.JsonObject;
import java.util.List;

/** One page of a Stripe list: its objects in Stripe's order (newest first) and whether more follow. */
public record StripePage(List<JsonObject> data, boolean hasMore) {
    public StripePage {
        data = List.copyOf(data);
    }

    /** The id to pass as {@code starting_after} for the next page. */
    public String lastId() {
        return data.isEmpty() ? null : data.get(data.size() - 1).get("id").getAsString();
    }

    public String firstId() {
        return data.isEmpty() ? null : data.get(0).get("id").getAsString();
    }
}
