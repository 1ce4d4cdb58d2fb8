package io.xsell.ingestion.stripe.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One invoice line of a subscription item: what Stripe billed for {@code [start, end)}.
 *
 * @param proration     a proration line (a mid-period change); negative ones credit the state that ended
 * @param amount        the line's amount before discounts, in minor units
 * @param discount      the line's total discount, in minor units
 * @param discountIds   every discount Stripe applied to the line (ids of discount objects)
 */
record BilledPeriod(String subscriptionItem, String subscription, LocalDate start, LocalDate end, String priceId,
                    BigDecimal quantity, boolean proration, long amount, long discount, List<String> discountIds) {

    /** A line that credits time back: it marks the end of the state it credits, not a state. */
    boolean isCredit() {
        return proration && amount < 0;
    }
}
