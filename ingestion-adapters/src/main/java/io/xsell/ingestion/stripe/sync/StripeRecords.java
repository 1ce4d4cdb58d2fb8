package io.xsell.ingestion.stripe.sync;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.xsell.ingestion.stripe.StripeObjectType;
import java.util.ArrayList;
import java.util.List;

/**
 * The records one Stripe object gives the mirror, the same whichever route brought it (backfill
 * page, Events API, webhook): the object itself, each item of a subscription (so an item removed
 * later keeps its {@code created} time and metadata), and every discount it carries expanded (so a
 * later payload naming the discount only by id still resolves to its coupon).
 */
public final class StripeRecords {
    private StripeRecords() {
    }

    public static List<StripeRecord> of(StripeObjectType type, JsonObject object, long version) {
        List<StripeRecord> records = new ArrayList<>();
        records.add(new StripeRecord(type, object.get("id").getAsString(), version, object.toString()));
        discounts(object, version, records);
        if (type == StripeObjectType.SUBSCRIPTION && object.get("items") instanceof JsonObject items
                && items.get("data") != null && items.get("data").isJsonArray()) {
            for (JsonElement element : items.getAsJsonArray("data")) {
                if (element instanceof JsonObject item && item.has("id")) {
                    records.add(new StripeRecord(StripeObjectType.SUBSCRIPTION_ITEM, item.get("id").getAsString(),
                            version, item.toString()));
                    discounts(item, version, records);
                }
            }
        }
        if (type == StripeObjectType.INVOICE && object.get("lines") instanceof JsonObject lines
                && lines.get("data") != null && lines.get("data").isJsonArray()) {
            // a line's own discounts (item-level), when expanded (lines.data.discounts)
            for (JsonElement line : lines.getAsJsonArray("data")) {
                if (line instanceof JsonObject lineObject) {
                    discounts(lineObject, version, records);
                }
            }
        }
        return records;
    }

    private static void discounts(JsonObject object, long version, List<StripeRecord> records) {
        if (object.get("discounts") == null || !object.get("discounts").isJsonArray()) {
            return;
        }
        for (JsonElement discount : object.getAsJsonArray("discounts")) {
            if (discount instanceof JsonObject expanded && expanded.has("id")) {
                records.add(new StripeRecord(StripeObjectType.DISCOUNT, expanded.get("id").getAsString(), version,
                        expanded.toString()));
            }
        }
    }
}
