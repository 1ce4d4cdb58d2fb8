package io.xsell.ingestion.chargebee.sync;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.xsell.ingestion.provider.ProviderRecord;
import java.util.Set;

/** Chargebee resources as mirror records. */
public final class ChargebeeRecords {
    /** The resource types the mirror keeps, as Chargebee names them in list entries and event content. */
    public static final Set<String> TYPES = Set.of("item_family", "item", "item_price", "coupon", "customer",
            "subscription", "invoice", "credit_note", "unbilled_charge");
    /**
     * A {@code subscription_changed} event kept as a record of its own (id: the event id): the day a
     * change happened, which no resource keeps (see {@link ChargebeeEvents#change}).
     */
    public static final String SUBSCRIPTION_CHANGE = "subscription_change";
    /** Every record type of the mirror: the resources and the subscription changes. */
    public static final Set<String> RECORD_TYPES = Set.of("item_family", "item", "item_price", "coupon", "customer",
            "subscription", "invoice", "credit_note", "unbilled_charge", SUBSCRIPTION_CHANGE);

    private ChargebeeRecords() {
    }

    /**
     * The resource as a record. Its version is Chargebee's {@code resource_version} (milliseconds,
     * grows with each change), else {@code updated_at} in milliseconds.
     */
    public static ProviderRecord of(String type, JsonObject resource, boolean deleted) {
        JsonElement id = resource.get("id");
        if (id == null || id.isJsonNull()) {
            throw new IllegalStateException("a Chargebee " + type + " without an id");
        }
        return new ProviderRecord(type, id.getAsString(), version(resource), resource.toString(), deleted);
    }

    static long version(JsonObject resource) {
        JsonElement version = resource.get("resource_version");
        if (version != null && !version.isJsonNull()) {
            return version.getAsLong();
        }
        JsonElement updated = resource.get("updated_at");
        return updated != null && !updated.isJsonNull() ? updated.getAsLong() * 1000 : 0;
    }
}
