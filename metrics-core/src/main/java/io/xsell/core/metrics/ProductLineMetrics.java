package io.xsell.core.metrics;

import io.xsell.core.model.LineKind;
import java.math.BigDecimal;

/**
 * One product line's part of a window.
 *
 * @param crossSellMrr          cross-sell MRR of the line in the window, all customers
 * @param shareOfCrossSellPct   the line's share of all cross-sell MRR; null when there was none
 * @param attaches              cross-sell movements of the line in the window
 * @param holders               customers holding the line on {@code to - 1}
 * @param penetrationPct        holders / active customers on {@code to - 1} * 100
 */
public record ProductLineMetrics(
        String productLine,
        LineKind kind,
        BigDecimal crossSellMrr,
        BigDecimal shareOfCrossSellPct,
        long attaches,
        long holders,
        BigDecimal penetrationPct,
        BigDecimal upsellMrr,
        BigDecimal lineChurnMrr) {
}
