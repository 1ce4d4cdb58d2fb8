package io.xsell.core.propensity;

import io.xsell.core.stats.Bootstrap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * 95 % intervals for AUC and top-decile lift of several scorers on the same holdout rows, and for
 * the differences between the first scorer (the model) and each other one, by a seeded paired
 * percentile bootstrap ({@link Bootstrap}): each replicate redraws the rows with replacement and
 * every scorer is measured on the same draw. A replicate weighs each row by how often it was drawn,
 * and the weighted AUC and lift follow {@link RankingQuality} exactly (ties count one half, a tie
 * group at the decile cut counts its rate per place), so at weight 1 they equal the point figures.
 * Each scorer's rows are sorted once; a replicate is a linear pass.
 */
final class RankingIntervals {
    /** Replicates per line; 1,000 keeps the Monte Carlo error of a 2.5 % percentile under 0.5 % of the spread. */
    static final int REPLICATES = 1000;

    private final boolean[] labels;
    private final double[][] scores;
    /** Per scorer: rows in ascending score order, and where each group of tied scores starts. */
    private final int[][] order;
    private final int[][] groupStart;

    RankingIntervals(boolean[] labels, double[]... scores) {
        this.labels = labels;
        this.scores = scores;
        this.order = new int[scores.length][];
        this.groupStart = new int[scores.length][];
        for (int s = 0; s < scores.length; s++) {
            double[] x = scores[s];
            if (x.length != labels.length) {
                throw new IllegalArgumentException("scores and labels differ in length");
            }
            order[s] = IntStream.range(0, x.length).boxed().sorted(Comparator.comparingDouble(i -> x[i]))
                    .mapToInt(Integer::intValue).toArray();
            int[] starts = new int[x.length + 1];
            int groups = 0;
            for (int k = 0; k < x.length; k++) {
                if (k == 0 || x[order[s][k]] != x[order[s][k - 1]]) {
                    starts[groups++] = k;
                }
            }
            starts[groups] = x.length;
            groupStart[s] = Arrays.copyOf(starts, groups + 1);
        }
    }

    /** {auc, lift} of scorer {@code s} with row weights {@code w}; NaN where undefined. */
    double[] measure(int s, int[] w) {
        int[] o = order[s];
        int[] g = groupStart[s];
        long positives = 0;
        long total = 0;
        for (int i = 0; i < labels.length; i++) {
            total += w[i];
            positives += labels[i] ? w[i] : 0;
        }
        long negatives = total - positives;
        double auc = Double.NaN;
        double lift = Double.NaN;
        if (positives > 0 && negatives > 0) {
            double sum = 0;
            long negativesBelow = 0;
            for (int k = 0; k + 1 < g.length; k++) {
                long pos = 0;
                long neg = 0;
                for (int r = g[k]; r < g[k + 1]; r++) {
                    int i = o[r];
                    if (labels[i]) {
                        pos += w[i];
                    } else {
                        neg += w[i];
                    }
                }
                sum += pos * (negativesBelow + 0.5 * neg);
                negativesBelow += neg;
            }
            auc = sum / ((double) positives * negatives);
        }
        if (positives > 0) {
            long top = (total + 9) / 10;
            double topPositives = 0;
            long taken = 0;
            for (int k = g.length - 2; k >= 0 && taken < top; k--) {
                long size = 0;
                long pos = 0;
                for (int r = g[k]; r < g[k + 1]; r++) {
                    int i = o[r];
                    size += w[i];
                    pos += labels[i] ? w[i] : 0;
                }
                if (size == 0) {
                    continue;
                }
                long places = Math.min(size, top - taken);
                topPositives += (double) pos * places / size;
                taken += places;
            }
            lift = (topPositives / top) / ((double) positives / total);
        }
        return new double[] {auc, lift};
    }

    /**
     * For every scorer {auc low, auc high, lift low, lift high, auc sd, lift sd}, then for every
     * scorer after the first the difference first minus it, likewise (sd: bootstrap standard error).
     */
    double[][] intervals(long seed) {
        int k = scores.length;
        double[][] raw = Bootstrap.intervals(labels.length, REPLICATES, seed, w -> {
            double[] out = new double[2 * k + 2 * (k - 1)];
            double[][] m = new double[k][];
            for (int s = 0; s < k; s++) {
                m[s] = measure(s, w);
                out[2 * s] = m[s][0];
                out[2 * s + 1] = m[s][1];
            }
            for (int s = 1; s < k; s++) {
                out[2 * k + 2 * (s - 1)] = m[0][0] - m[s][0];
                out[2 * k + 2 * (s - 1) + 1] = m[0][1] - m[s][1];
            }
            return out;
        });
        double[][] result = new double[2 * k - 1][];
        for (int i = 0; i < result.length; i++) {
            double[] auc = raw[2 * i];
            double[] lift = raw[2 * i + 1];
            result[i] = new double[] {auc[0], auc[1], lift[0], lift[1], auc[2], lift[2]};
        }
        return result;
    }
}
