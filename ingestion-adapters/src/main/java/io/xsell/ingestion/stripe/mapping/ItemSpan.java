package io.xsell.ingestion.stripe.mapping;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One subscription item in one state over {@code [start, end)}, as the amount-off split sees it:
 * what it costs before discounts and which amount-off coupons of its currency apply to it.
 *
 * @param itemId       the subscription item
 * @param joined       the item's first day on the subscription: the tie order of the split
 * @param start        first day of this state
 * @param end          first day after it; null while it runs on
 * @param amount       price × quantity before discounts, in minor units
 * @param coupons      the amount-off coupons (ids) applying to it in its own currency
 * @param billedShares the item's full-period invoice lines by their first day: the share of its
 *                     amount-off coupons Stripe billed for that period ({@code discount_amounts})
 */
record ItemSpan(String itemId, LocalDate joined, LocalDate start, LocalDate end, long amount, List<String> coupons,
                Map<LocalDate, Long> billedShares) {

    boolean activeOn(LocalDate day) {
        return !day.isBefore(start) && (end == null || day.isBefore(end));
    }

    /** The share a full-period line starting on {@code day} billed, if this state has one; else null. */
    Long billedOn(LocalDate day) {
        return day.isBefore(start) ? null : billedShares.get(day);
    }
}
