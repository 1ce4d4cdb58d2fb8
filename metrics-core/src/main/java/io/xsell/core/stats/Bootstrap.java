package io.xsell.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded, paired, percentile bootstrap: each replicate draws {@code n} rows with replacement
 * (as a count per row), and every statistic of the replicate is computed on those same counts, so
 * differences between scorers on the same rows keep their pairing. The same seed gives the same
 * intervals. Replicates where a statistic is undefined (NaN, say no adopter drawn) are skipped
 * for that statistic; an interval needs at least half the replicates, else it is NaN.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** The statistics of one replicate from its per-row draw counts. */
    @FunctionalInterface
    public interface Statistics {
        double[] of(int[] counts);
    }

    /**
     * @return for each statistic {low, high, sd}: its 95 % percentile interval and the standard
     *         deviation of its replicates (the bootstrap standard error, for normal intervals at
     *         other levels)
     */
    public static double[][] intervals(int n, int replicates, long seed, Statistics statistics) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] counts = new int[n];
        double[][] values = null;
        int[] defined = null;
        for (int r = 0; r < replicates; r++) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[random.nextInt(n)]++;
            }
            double[] s = statistics.of(counts);
            if (values == null) {
                values = new double[s.length][replicates];
                defined = new int[s.length];
            }
            for (int k = 0; k < s.length; k++) {
                if (!Double.isNaN(s[k])) {
                    values[k][defined[k]++] = s[k];
                }
            }
        }
        if (values == null) {
            return new double[0][];
        }
        double[][] out = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            if (defined[k] < replicates / 2.0) {
                out[k] = new double[] {Double.NaN, Double.NaN, Double.NaN};
                continue;
            }
            double[] v = Arrays.copyOf(values[k], defined[k]);
            Arrays.sort(v);
            double mean = 0;
            for (double x : v) {
                mean += x;
            }
            mean /= v.length;
            double squares = 0;
            for (double x : v) {
                squares += (x - mean) * (x - mean);
            }
            out[k] = new double[] {percentile(v, 0.025), percentile(v, 0.975), Math.sqrt(squares / (v.length - 1))};
        }
        return out;
    }

    /** R-7 percentile (linear between closest ranks) of sorted values. */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        return lo + 1 >= sorted.length ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
