package io.xsell.ingestion.stripe.sync;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.xsell.ingestion.stripe.StripeObjectType;
import io.xsell.ingestion.stripe.StripeSnapshot;
import io.xsell.ingestion.stripe.api.StripeApi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Event payloads name a subscription's or an invoice's discounts by id only (Stripe expands
 * nothing in events), list pages name item-level discounts by id, and prorations name theirs in
 * {@code discount_amounts[].discount} (invoice lines) or {@code discounts} and
 * {@code proration_details.discount_amounts[].discount} (pending invoice items). Stripe has no
 * endpoint to retrieve a discount. So a discount id the mirror has never seen expanded is resolved
 * by retrieving what names it once with {@code expand[]=discounts}: its subscription (items
 * included), else its invoice (lines included), else the invoice item. A discount never changes,
 * so each is fetched at most once.
 */
public final class DiscountResolver {
    private final StripeApi api;

    public DiscountResolver(StripeApi api) {
        this.api = api;
    }

    /** The discount records the snapshot lacks, fetched; empty when every id is known. */
    public List<StripeRecord> missing(StripeSnapshot snapshot, long version) {
        Set<String> known = new HashSet<>();
        snapshot.forEach(StripeObjectType.DISCOUNT, json -> known.add(
                JsonParser.parseString(json).getAsJsonObject().get("id").getAsString()));
        Map<String, String> subscriptions = new LinkedHashMap<>();
        snapshot.forEach(StripeObjectType.SUBSCRIPTION, json -> {
            JsonObject subscription = JsonParser.parseString(json).getAsJsonObject();
            if (hasUnknown(subscription, known)) {
                subscriptions.put(subscription.get("id").getAsString(), "/v1/subscriptions/");
            }
        });
        Map<String, Set<String>> unknownOnInvoices = new LinkedHashMap<>();
        snapshot.forEach(StripeObjectType.INVOICE, json -> {
            JsonObject invoice = JsonParser.parseString(json).getAsJsonObject();
            Set<String> unknown = new HashSet<>();
            unknownIds(invoice.get("discounts"), known, unknown);
            linesUnknown(invoice, known, unknown);
            if (!unknown.isEmpty()) {
                unknownOnInvoices.put(invoice.get("id").getAsString(), unknown);
            }
        });
        Map<String, Set<String>> unknownOnInvoiceItems = new LinkedHashMap<>();
        snapshot.forEach(StripeObjectType.INVOICE_ITEM, json -> {
            JsonObject item = JsonParser.parseString(json).getAsJsonObject();
            Set<String> unknown = new HashSet<>();
            unknownIds(item.get("discounts"), known, unknown);
            if (item.get("proration_details") instanceof JsonObject details) {
                amountsUnknown(details.get("discount_amounts"), known, unknown);
            }
            if (!unknown.isEmpty()) {
                unknownOnInvoiceItems.put(item.get("id").getAsString(), unknown);
            }
        });
        List<StripeRecord> found = new ArrayList<>();
        fetch(subscriptions, StripeObjectType.SUBSCRIPTION,
                Map.of("expand[0]", "discounts", "expand[1]", "items.data.discounts"), version, known, found);
        // an invoice's discounts are mostly its subscription's: fetch only invoices still naming unknown ones
        Map<String, String> invoices = stillUnknown(unknownOnInvoices, known, "/v1/invoices/");
        fetch(invoices, StripeObjectType.INVOICE, Map.of("expand[0]", "discounts", "expand[1]", "lines.data.discounts"),
                version, known, found);
        fetch(stillUnknown(unknownOnInvoiceItems, known, "/v1/invoiceitems/"), StripeObjectType.INVOICE_ITEM,
                Map.of("expand[0]", "discounts"), version, known, found);
        return found;
    }

    private void fetch(Map<String, String> parents, StripeObjectType type, Map<String, String> expand, long version,
                       Set<String> known, List<StripeRecord> found) {
        for (Map.Entry<String, String> parent : parents.entrySet()) {
            JsonObject object;
            try {
                object = api.get(parent.getValue() + parent.getKey(), expand);
            } catch (io.xsell.ingestion.stripe.api.StripeCallFailedException e) {
                if (e.status() == 404) {
                    continue; // deleted since: its discounts stay unresolved, as Stripe no longer has them
                }
                throw e;
            }
            List<StripeRecord> records = new ArrayList<>(StripeRecords.of(type, object, version));
            if (type == StripeObjectType.INVOICE && object.get("lines") instanceof JsonObject lines
                    && lines.get("data") instanceof JsonArray data) {
                for (JsonElement line : data) {
                    if (line instanceof JsonObject expandedLine) {
                        records.addAll(StripeRecords.of(StripeObjectType.INVOICE, expandedLine, version));
                    }
                }
            }
            for (StripeRecord record : records) {
                if (record.type() == StripeObjectType.DISCOUNT && known.add(record.id())) {
                    found.add(record);
                }
            }
        }
    }

    /** The objects still naming a discount no fetch so far has explained, with their path. */
    private static Map<String, String> stillUnknown(Map<String, Set<String>> unknownByObject, Set<String> known,
                                                    String path) {
        Map<String, String> objects = new LinkedHashMap<>();
        unknownByObject.forEach((id, unknown) -> {
            if (!known.containsAll(unknown)) {
                objects.put(id, path);
            }
        });
        return objects;
    }

    private static boolean hasUnknown(JsonObject object, Set<String> known) {
        if (unknownIn(object.get("discounts"), known)) {
            return true;
        }
        if (object.get("items") instanceof JsonObject items && items.get("data") instanceof JsonArray data) {
            for (JsonElement item : data) {
                if (item instanceof JsonObject itemObject && unknownIn(itemObject.get("discounts"), known)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void linesUnknown(JsonObject invoice, Set<String> known, Set<String> unknown) {
        if (!(invoice.get("lines") instanceof JsonObject lines) || !(lines.get("data") instanceof JsonArray data)) {
            return;
        }
        for (JsonElement line : data) {
            if (line instanceof JsonObject lineObject) {
                amountsUnknown(lineObject.get("discount_amounts"), known, unknown);
                unknownIds(lineObject.get("discounts"), known, unknown);
            }
        }
    }

    /** The unknown ids among {@code discount_amounts[].discount}. */
    private static void amountsUnknown(JsonElement amounts, Set<String> known, Set<String> unknown) {
        if (!(amounts instanceof JsonArray array)) {
            return;
        }
        for (JsonElement amount : array) {
            if (amount instanceof JsonObject a && a.get("discount") != null && a.get("discount").isJsonPrimitive()
                    && !known.contains(a.get("discount").getAsString())) {
                unknown.add(a.get("discount").getAsString());
            }
        }
    }

    private static boolean unknownIn(JsonElement discounts, Set<String> known) {
        Set<String> unknown = new HashSet<>();
        unknownIds(discounts, known, unknown);
        return !unknown.isEmpty();
    }

    private static void unknownIds(JsonElement discounts, Set<String> known, Set<String> unknown) {
        if (discounts == null || !discounts.isJsonArray()) {
            return;
        }
        for (JsonElement discount : discounts.getAsJsonArray()) {
            if (discount.isJsonPrimitive() && !known.contains(discount.getAsString())) {
                unknown.add(discount.getAsString());
            }
        }
    }
}
