package io.xsell.ingestion.stripe.sync;

import io.xsell.ingestion.stripe.StripeObjectType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The list endpoints a backfill reads, with the expansions that save per-object calls:
 * subscriptions come with their items and prices (Stripe includes them), discounts expanded;
 * invoices with their lines and discounts.
 */
public enum StripeList {
    PRODUCTS(StripeObjectType.PRODUCT, "/v1/products", false, Map.of()),
    PRICES(StripeObjectType.PRICE, "/v1/prices", false, Map.of()),
    COUPONS(StripeObjectType.COUPON, "/v1/coupons", false, Map.of()),
    CUSTOMERS(StripeObjectType.CUSTOMER, "/v1/customers", true, Map.of()),
    SUBSCRIPTIONS(StripeObjectType.SUBSCRIPTION, "/v1/subscriptions", true,
            Map.of("status", "all", "expand[]", "data.discounts")),
    INVOICES(StripeObjectType.INVOICE, "/v1/invoices", true, Map.of("expand[]", "data.discounts")),
    INVOICE_ITEMS(StripeObjectType.INVOICE_ITEM, "/v1/invoiceitems", true, Map.of()),
    SUBSCRIPTION_SCHEDULES(StripeObjectType.SUBSCRIPTION_SCHEDULE, "/v1/subscription_schedules", false, Map.of());

    public static final int PAGE_SIZE = 100;

    private final StripeObjectType type;
    private final String path;
    private final boolean sliced;
    private final Map<String, String> params;

    StripeList(StripeObjectType type, String path, boolean sliced, Map<String, String> params) {
        this.type = type;
        this.path = path;
        this.sliced = sliced;
        this.params = params;
    }

    public StripeObjectType type() {
        return type;
    }

    public String path() {
        return path;
    }

    /** Large lists are read as several {@code created} ranges in parallel; small ones in one go. */
    public boolean sliced() {
        return sliced;
    }

    /** The query of one page. */
    Map<String, String> query(Slice slice, String startingAfter) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", Integer.toString(PAGE_SIZE));
        query.putAll(params);
        if (slice.createdFrom() != null) {
            query.put("created[gte]", Long.toString(slice.createdFrom()));
        }
        if (slice.createdTo() != null) {
            query.put("created[lt]", Long.toString(slice.createdTo()));
        }
        if (startingAfter != null) {
            query.put("starting_after", startingAfter);
        }
        return query;
    }
}
