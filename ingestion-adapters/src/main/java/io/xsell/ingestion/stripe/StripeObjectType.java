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
    INVOICE_ITEM("invoiceitem");

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
