package io.xsell.core.stats;

/** Intervals for a rate and for the difference of two independent rates. */
public final class Proportions {
    private Proportions() {
    }

    /**
     * Wilson score interval {low, high} (fractions) of {@code x} successes in {@code n} trials at
     * 95 %; it stays inside [0, 1] and keeps its coverage at small {@code n} and rates near 0 or 1.
     */
    public static double[] wilson(long x, long n) {
        check(x, n);
        double z = Normal.Z_975;
        double p = (double) x / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * Newcombe's hybrid score interval (Newcombe 1998, method 10) {low, high} of {@code p1 - p2}
     * at 95 %, combined from the two Wilson intervals.
     */
    public static double[] newcombe(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] w1 = wilson(x1, n1);
        double[] w2 = wilson(x2, n2);
        double d = p1 - p2;
        return new double[] {d - Math.sqrt(square(p1 - w1[0]) + square(w2[1] - p2)),
                d + Math.sqrt(square(w1[1] - p1) + square(p2 - w2[0]))};
    }

    /** Two-sided p-value of the pooled two-proportion z-test; 1 when both rates are 0 or both 1. */
    public static double zTestP(long x1, long n1, long x2, long n2) {
        check(x1, n1);
        check(x2, n2);
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return 1;
        }
        return Normal.twoSidedP(((double) x1 / n1 - (double) x2 / n2) / se);
    }

    /**
     * Two-sided p-value of Fisher's exact test on the 2x2 table (x1, n1 - x1; x2, n2 - x2): the
     * sum of the hypergeometric probabilities of every table with the same margins that is no
     * more likely than the observed one (the convention of R's {@code fisher.test}, with the same
     * 1e-7 relative tolerance for ties). Computed in log space so that it works for any n.
     */
    public static double fisherP(long x1, long n1, long x2, long n2) {
        check(x1, n1);
        check(x2, n2);
        long m = x1 + x2;
        long total = n1 + n2;
        long lo = Math.max(0, m - n2);
        long hi = Math.min(n1, m);
        double logDenominator = logChoose(total, m);
        double observed = logChoose(n1, x1) + logChoose(n2, x2) - logDenominator;
        double limit = observed + Math.log1p(1e-7);
        double p = 0;
        for (long k = lo; k <= hi; k++) {
            double log = logChoose(n1, k) + logChoose(n2, m - k) - logDenominator;
            if (log <= limit) {
                p += Math.exp(log);
            }
        }
        return Math.min(1, p);
    }

    /** Hypergeometric probability P(X = k) of k successes in the first group, for the test's tables. */
    public static double hypergeometric(long k, long n1, long n2, long m) {
        return Math.exp(logChoose(n1, k) + logChoose(n2, m - k) - logChoose(n1 + n2, m));
    }

    static double logChoose(long n, long k) {
        return LogGamma.logFactorial(n) - LogGamma.logFactorial(k) - LogGamma.logFactorial(n - k);
    }

    private static void check(long x, long n) {
        if (n <= 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0, got " + x + " of " + n);
        }
    }

    private static double square(double v) {
        return v * v;
    }
}
