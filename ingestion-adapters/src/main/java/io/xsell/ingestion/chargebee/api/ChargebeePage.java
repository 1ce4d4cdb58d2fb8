package io.xsell.ingestion.chargebee.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a Chargebee list: {@code {"list":[{"customer":{...}}, ...], "next_offset":"..."}}.
 * Each entry wraps the resource under its name, with related resources beside it (an event's entry
 * holds only {@code event}; a subscription's may also hold {@code customer}).
 *
 * @param entries    the list's entries as sent
 * @param nextOffset the offset of the next page; null after the last page
 */
public record ChargebeePage(List<JsonObject> entries, String nextOffset) {
    public ChargebeePage {
        entries = List.copyOf(entries);
    }

    /** Parses a list response; names the path in the error when the body is not one. */
    public static ChargebeePage parse(String path, String body) {
        try {
            JsonObject json = JsonParser.parseString(body).getAsJsonObject();
            JsonElement list = json.get("list");
            if (list == null || !list.isJsonArray()) {
                throw new IllegalStateException("Chargebee GET " + path + ": the answer has no \"list\" array");
            }
            List<JsonObject> entries = new ArrayList<>();
            for (JsonElement entry : (JsonArray) list) {
                entries.add(entry.getAsJsonObject());
            }
            JsonElement next = json.get("next_offset");
            return new ChargebeePage(entries, next == null || next.isJsonNull() ? null : next.getAsString());
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw new IllegalStateException("Chargebee GET " + path + ": not a list answer: " + e.getMessage(), e);
        }
    }

    /** The resources named {@code resource} in this page's entries, in order. */
    public List<JsonObject> resources(String resource) {
        List<JsonObject> result = new ArrayList<>(entries.size());
        for (JsonObject entry : entries) {
            JsonElement value = entry.get(resource);
            if (value == null || !value.isJsonObject()) {
                throw new IllegalStateException("a list entry has no \"" + resource + "\" object: keys "
                        + entry.keySet());
            }
            result.add(value.getAsJsonObject());
        }
        return result;
    }
}
