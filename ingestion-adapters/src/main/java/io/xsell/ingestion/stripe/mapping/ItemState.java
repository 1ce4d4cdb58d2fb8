package io.xsell.ingestion.stripe.mapping;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a subscription item is billed for while nothing changes: price, quantity and recurring
 * coupons. Its share of an amount-off coupon is not part of it: that share moves with the other
 * items of the subscription, and {@link AmountOffSplit} cuts the item where it does.
 */
record ItemState(String priceId, BigDecimal quantity, List<String> couponIds) {

    boolean sameAs(ItemState other) {
        return priceId.equals(other.priceId) && quantity.compareTo(other.quantity) == 0
                && couponIds.equals(other.couponIds);
    }
}
