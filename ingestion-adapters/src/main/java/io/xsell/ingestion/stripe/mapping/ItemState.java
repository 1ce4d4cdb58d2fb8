package io.xsell.ingestion.stripe.mapping;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a subscription item is billed for while nothing changes: price, quantity, recurring coupons
 * and, for amount-off coupons, the item's share as Stripe billed it.
 *
 * @param amountOffShare the item's share of its amount-off coupons on a full-period line, in minor
 *                       units; null when no full-period line says it (then it never splits a run)
 */
record ItemState(String priceId, BigDecimal quantity, List<String> couponIds, Long amountOffShare) {

    boolean sameAs(ItemState other) {
        return priceId.equals(other.priceId) && quantity.compareTo(other.quantity) == 0
                && couponIds.equals(other.couponIds)
                && (amountOffShare == null || other.amountOffShare == null || amountOffShare.equals(other.amountOffShare));
    }
}
