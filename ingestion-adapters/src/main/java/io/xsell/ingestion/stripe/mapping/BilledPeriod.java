package io.xsell.ingestion.stripe.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One dated fact about a subscription item's state: an invoice line (what Stripe billed for
 * {@code [start, end)}), a pending proration invoice item, or an item change an event reported.
 *
 * @param proration       a mid-period change (proration line or item, or an event's change); negative
 *                        ones credit the state that ended
 * @param amount          the amount before discounts, in minor units (0 for an event's change)
 * @param discount        the total discount, in minor units
 * @param discountAmounts each discount Stripe applied (discount id to its amount in minor units, the
 *                        line's {@code discount_amounts}); null when the fact carries none, which
 *                        means the subscription's discounts at the time
 * @param removal         the item left the subscription on {@code start} (an event's change)
 */
record BilledPeriod(String subscriptionItem, String subscription, LocalDate start, LocalDate end, String priceId,
                    BigDecimal quantity, boolean proration, long amount, long discount,
                    Map<String, Long> discountAmounts, boolean removal) {

    /** A fact that ends the state before it: a credit for unused time, or a removal. */
    boolean isCredit() {
        return removal || proration && amount < 0;
    }

    List<String> discountIds() {
        return discountAmounts == null ? null : List.copyOf(discountAmounts.keySet());
    }
}
