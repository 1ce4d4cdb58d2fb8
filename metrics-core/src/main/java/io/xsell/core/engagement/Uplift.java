package io.xsell.core.engagement;

import io.xsell.core.mrr.Decimals;
import io.xsell.core.stats.Proportions;
import io.xsell.core.stats.TwoProportions;
import java.math.BigDecimal;

/**
 * Cross-sell rate of exposed versus unexposed customers, and the difference with a 95 %
 * confidence interval by Newcombe's hybrid score method (Newcombe 1998, method 10): a Wilson
 * score interval for each rate, combined as
 * {@code L = d - sqrt((p1 - l1)^2 + (u2 - p2)^2)}, {@code U = d + sqrt((u1 - p1)^2 + (p2 - l2)^2)}.
 * Chosen over the Wald interval because it keeps its coverage with small groups and rates near 0
 * or 1, which campaign audiences often are, and it never leaves [-100, 100]. The interval is
 * computed in double precision (it is a statistic, not money). Rates and the uplift are in
 * percent / percentage points; every ratio is null when a group is empty.
 *
 * @param upliftPctPoints exposed rate minus unexposed rate, in percentage points
 * @param pValue          two-sided p-value (z-test, or Fisher's exact test for small counts); null when not computed
 * @param reason          why there are no figures (an empty group), or null
 */
public record Uplift(long exposedCustomers, long exposedConverted, BigDecimal exposedRatePct,
                     long unexposedCustomers, long unexposedConverted, BigDecimal unexposedRatePct,
                     BigDecimal upliftPctPoints, BigDecimal ciLowPctPoints, BigDecimal ciHighPctPoints,
                     Double pValue, String reason) {
    public static final String NO_EXPOSED = "no exposed customer in the starting cohort: nothing to compare";
    public static final String NO_UNEXPOSED = "every starting customer was exposed: no one to compare with";

    public static Uplift of(long exposed, long exposedConverted, long unexposed, long unexposedConverted) {
        if (exposedConverted > exposed || unexposedConverted > unexposed || exposedConverted < 0 || unexposedConverted < 0) {
            throw new IllegalArgumentException("converted customers must be between 0 and the group size");
        }
        BigDecimal exposedRate = Decimals.percent(exposedConverted, exposed);
        BigDecimal unexposedRate = Decimals.percent(unexposedConverted, unexposed);
        if (exposedRate == null || unexposedRate == null) {
            return new Uplift(exposed, exposedConverted, exposedRate, unexposed, unexposedConverted, unexposedRate,
                    null, null, null, null, exposed == 0 ? NO_EXPOSED : NO_UNEXPOSED);
        }
        double[] ci = Proportions.newcombe(exposedConverted, exposed, unexposedConverted, unexposed);
        double p = TwoProportions.compare(exposedConverted, exposed, unexposedConverted, unexposed).pValue();
        return new Uplift(exposed, exposedConverted, exposedRate, unexposed, unexposedConverted, unexposedRate,
                exposedRate.subtract(unexposedRate), percent(ci[0]), percent(ci[1]), p, null);
    }

    private static BigDecimal percent(double fraction) {
        return BigDecimal.valueOf(fraction * 100);
    }

    /** Whether the interval excludes 0: the difference is significant at the 5 % level. */
    public Boolean significant() {
        if (ciLowPctPoints == null) {
            return null;
        }
        return ciLowPctPoints.signum() > 0 || ciHighPctPoints.signum() < 0;
    }
}
