package io.xsell.core.stats;

/**
 * The comparison of two rates, as every group comparison in the insights states it: the rates,
 * their difference {@code rate1 - rate2} with a 95 % Newcombe interval, the group sizes and the
 * two-sided p-value of the test that fits the counts (Fisher's exact test when an expected cell
 * count is under {@link #MIN_EXPECTED_FOR_Z}, else the pooled z-test). Fractions, not percentages.
 */
public record TwoProportions(long successes1, long size1, long successes2, long size2, double rate1, double rate2,
                             double difference, double ciLow, double ciHigh, double pValue, String test) {
    /** Cochran's rule: the normal approximation needs every expected cell count at least 5. */
    public static final double MIN_EXPECTED_FOR_Z = 5;
    public static final String Z_TEST = "two_proportion_z";
    public static final String FISHER = "fisher_exact";

    public static TwoProportions compare(long x1, long n1, long x2, long n2) {
        double[] ci = Proportions.newcombe(x1, n1, x2, n2);
        long total = n1 + n2;
        long successes = x1 + x2;
        double minExpected = Math.min(Math.min(n1, n2) * (double) successes, Math.min(n1, n2) * (double) (total - successes))
                / total;
        boolean exact = minExpected < MIN_EXPECTED_FOR_Z;
        double p = exact ? Proportions.fisherP(x1, n1, x2, n2) : Proportions.zTestP(x1, n1, x2, n2);
        return new TwoProportions(x1, n1, x2, n2, (double) x1 / n1, (double) x2 / n2, (double) x1 / n1 - (double) x2 / n2,
                ci[0], ci[1], p, exact ? FISHER : Z_TEST);
    }

    /** Whether the 95 % interval of the difference lies wholly above (1), below (-1) or across 0 (0). */
    public int direction() {
        return ciLow > 0 ? 1 : ciHigh < 0 ? -1 : 0;
    }
}
