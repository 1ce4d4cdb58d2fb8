package io.xsell.core.metrics;

import java.math.BigDecimal;

/**
 * The window metric set of spec section 4 for one set of customers, unrounded (presentation
 * rounds half-even to 2 decimals). Money is in the reporting currency. A ratio whose denominator
 * is zero is null.
 *
 * @param crossSellAttaches    number of cross-sell movements (customer, line, day) by all customers
 * @param incrementalRevenue   the starting cohort's MRR at the end minus its MRR at the start
 * @param oneTimeRevenue       one-time charges dated in the window; never part of any MRR figure
 * @param arr                  {@code endingMrr * 12}
 * @param netRevenueRetentionPct   the starting cohort's MRR at the end over its MRR at the start, x 100
 * @param grossRevenueRetentionPct starting MRR plus the cohort's contraction, line churn and churn in
 *                                 the window (negative), over starting MRR, x 100; gains never add back
 * @param quickRatio           gains (new business, reactivation, cross-sell, upsell) over losses
 *                             (contraction, line churn, churn, as a positive amount), all customers
 */
public record WindowMetrics(
        BigDecimal startingMrr,
        BigDecimal endingMrr,
        long startingCustomers,
        long endingCustomers,
        BigDecimal newBusinessMrr,
        BigDecimal reactivationMrr,
        BigDecimal crossSellMrr,
        BigDecimal upsellMrr,
        BigDecimal contractionMrr,
        BigDecimal lineChurnMrr,
        BigDecimal churnMrr,
        BigDecimal cohortCrossSellMrr,
        BigDecimal bundleCrossSellMrr,
        BigDecimal standaloneCrossSellMrr,
        BigDecimal expansionMrr,
        BigDecimal crossSellShareOfExpansionPct,
        BigDecimal crossSellRatePct,
        BigDecimal annualizedCrossSellRatePct,
        BigDecimal customerCrossSellRatePct,
        BigDecimal rpaCrossSell,
        BigDecimal attachmentRate,
        BigDecimal productsPerCustomer,
        BigDecimal netMrrChange,
        BigDecimal incrementalRevenue,
        long crossSellAttaches,
        BigDecimal oneTimeRevenue,
        BigDecimal arr,
        BigDecimal netRevenueRetentionPct,
        BigDecimal grossRevenueRetentionPct,
        BigDecimal quickRatio) {

    /** Sum of every movement in the window; equals {@link #netMrrChange()} by construction. */
    public BigDecimal sumOfMovements() {
        return newBusinessMrr.add(reactivationMrr).add(crossSellMrr).add(upsellMrr).add(contractionMrr)
                .add(lineChurnMrr).add(churnMrr);
    }
}
