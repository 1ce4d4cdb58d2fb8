package io.xsell.ingestion.stripe.mapping;

import java.math.BigDecimal;
import java.util.List;

/** What a subscription item is billed for while nothing changes: price, quantity, recurring coupons. */
record ItemState(String priceId, BigDecimal quantity, List<String> couponIds) {

    boolean sameAs(ItemState other) {
        return priceId.equals(other.priceId) && quantity.compareTo(other.quantity) == 0
                && couponIds.equals(other.couponIds);
    }
}
