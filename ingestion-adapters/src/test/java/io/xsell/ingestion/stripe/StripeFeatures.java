package io.xsell.ingestion.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/** Reads a field of a Stripe object's JSON in assertions. */
final class StripeFeatures {
    private StripeFeatures() {
    }

    static String field(String json, String name) {
        JsonElement value = JsonParser.parseString(json).getAsJsonObject().get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
