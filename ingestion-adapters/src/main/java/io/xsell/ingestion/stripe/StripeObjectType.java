package io.xsell.ingestion.stripe;

import java.util.Optional;

/** The Stripe objects xsell mirrors, by the value of their {@code object} field. */
public enum StripeObjectType {
    PRODUCT("product"),
    PRICE("price"),
    COUPON("coupon"),
    CUSTOMER("customer"),
    SUBSCRIPTION("subscription"),
    INVOICE("invoice"),
    INVOICE_ITEM("invoiceitem"),
    /** Its phases date the price and quantity changes a schedule made (see {@code ScheduledChanges}). */
    SUBSCRIPTION_SCHEDULE("subscription_schedule"),
    /** Kept apart from their subscription so an item removed from it keeps its {@code created} and metadata. */
    SUBSCRIPTION_ITEM("subscription_item"),
    /** Discounts are immutable: once seen expanded, an id on any later payload resolves to its coupon. */
    DISCOUNT("discount"),
    /**
     * Not a Stripe object: what a {@code customer.subscription.updated} event's
     * {@code previous_attributes} say changed on an item, and when (see {@code ItemChanges}).
     */
    ITEM_CHANGE("xsell.item_change");

    private final String wireName;

    StripeObjectType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type of an object whose {@code object} field is {@code wireName}; empty for types xsell ignores. */
    public static Optional<StripeObjectType> fromWireName(String wireName) {
        for (StripeObjectType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
