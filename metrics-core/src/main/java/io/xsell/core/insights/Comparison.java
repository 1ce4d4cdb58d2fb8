package io.xsell.core.insights;

import io.xsell.core.stats.TwoProportions;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The statistical evidence of an insight that compares two groups: each group's size and rate,
 * the difference {@code group_a - group_b} in percentage points with its 95 % interval
 * (Newcombe), the test and its two-sided p-value, the p-value adjusted for the false discovery
 * rate across the insights answer (Benjamini-Hochberg), and the business effect: the monthly MRR
 * at stake and the share of active customers concerned. Rates and points are rounded half-even
 * to 2 decimals, p-values to 3 significant digits.
 *
 * @param metric            what the rates measure, for example {@code logo_retention} or {@code penetration}
 * @param mrrAtStake        monthly MRR the difference is worth (see docs/insights.md for each rule)
 * @param mrrAtStakePct     {@code mrrAtStake} / ending MRR × 100; null without ending MRR
 * @param customersAffectedPct the group the insight is about / active customers at the window end × 100
 */
public record Comparison(String metric, String groupA, long customersA, long eventsA, BigDecimal ratePctA,
                         String groupB, long customersB, long eventsB, BigDecimal ratePctB,
                         BigDecimal differencePctPoints, BigDecimal ciLowPctPoints, BigDecimal ciHighPctPoints,
                         String test, BigDecimal pValue, BigDecimal adjustedPValue, BigDecimal mrrAtStake,
                         BigDecimal mrrAtStakePct, BigDecimal customersAffectedPct) {

    private static final MathContext P_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);

    static Comparison of(String metric, String groupA, String groupB, TwoProportions t, BigDecimal mrrAtStake,
                         BigDecimal mrrAtStakePct, BigDecimal customersAffectedPct) {
        return new Comparison(metric, groupA, t.size1(), t.successes1(), points(t.rate1()), groupB, t.size2(),
                t.successes2(), points(t.rate2()), points(t.difference()), points(t.ciLow()), points(t.ciHigh()),
                t.test(), p(t.pValue()), null, mrrAtStake, mrrAtStakePct, customersAffectedPct);
    }

    Comparison adjusted(double q) {
        return new Comparison(metric, groupA, customersA, eventsA, ratePctA, groupB, customersB, eventsB, ratePctB,
                differencePctPoints, ciLowPctPoints, ciHighPctPoints, test, pValue, p(q), mrrAtStake, mrrAtStakePct,
                customersAffectedPct);
    }

    /** 1 when the whole interval is above 0, -1 when below, 0 when it contains 0. */
    public int direction() {
        return ciLowPctPoints.signum() > 0 ? 1 : ciHighPctPoints.signum() < 0 ? -1 : 0;
    }

    private static BigDecimal points(double fraction) {
        return BigDecimal.valueOf(fraction * 100).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal p(double value) {
        return new BigDecimal(value, P_DIGITS).stripTrailingZeros();
    }
}
