package io.xsell.ingestion.chargebee.sync;

import java.util.Map;

/**
 * The lists a backfill reads (Product Catalog 2.0), catalogue first. Invoices carry their
 * {@code line_items}, {@code discounts} and {@code line_item_discounts}, credit notes their lines,
 * subscriptions their {@code subscription_items} and {@code coupons}; one-off charges are invoice
 * lines of {@code charge_item_price} or {@code adhoc} entities, so no list of their own. Last, the
 * site's {@code subscription_changed} events ({@code event_type[is]}): the days of past changes
 * that no resource keeps, stored as {@code subscription_change} records.
 */
public enum ChargebeeList {
    ITEM_FAMILIES("item_family", "/api/v2/item_families"),
    ITEMS("item", "/api/v2/items"),
    ITEM_PRICES("item_price", "/api/v2/item_prices"),
    COUPONS("coupon", "/api/v2/coupons"),
    CUSTOMERS("customer", "/api/v2/customers"),
    SUBSCRIPTIONS("subscription", "/api/v2/subscriptions"),
    INVOICES("invoice", "/api/v2/invoices"),
    CREDIT_NOTES("credit_note", "/api/v2/credit_notes"),
    UNBILLED_CHARGES("unbilled_charge", "/api/v2/unbilled_charges"),
    SUBSCRIPTION_CHANGES("event", "/api/v2/events");

    private final String resource;
    private final String path;

    ChargebeeList(String resource, String path) {
        this.resource = resource;
        this.path = path;
    }

    /**
     * The resource's name in Chargebee's JSON, also the record type in the mirror (the events list's
     * records are {@code subscription_change}s, {@link ChargebeeEvents#change}).
     */
    public String resource() {
        return resource;
    }

    public String path() {
        return path;
    }

    /** The checkpoint's name. */
    public String listName() {
        return this == SUBSCRIPTION_CHANGES ? "subscription_changed_events" : path.substring("/api/v2/".length());
    }

    /** Oldest first, so that a list read over a long time ends with what changed meanwhile. */
    public Map<String, String> params() {
        if (this == SUBSCRIPTION_CHANGES) {
            return Map.of("event_type[is]", ChargebeeEvents.SUBSCRIPTION_CHANGED, "sort_by[asc]", "occurred_at");
        }
        return this == ITEM_FAMILIES || this == UNBILLED_CHARGES ? Map.of()
                : Map.of("sort_by[asc]", this == INVOICES || this == CREDIT_NOTES ? "date" : "created_at");
    }
}
