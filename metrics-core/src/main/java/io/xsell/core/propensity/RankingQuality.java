package io.xsell.core.propensity;

/**
 * How well scores rank adopters above the others, measured on held-out rows. Both measures treat
 * tied scores as if their order were random, so a model cannot gain from an arbitrary tie-break.
 */
public final class RankingQuality {
    private RankingQuality() {
    }

    /**
     * ROC AUC: the probability that a random adopter scores above a random non-adopter, ties
     * counting one half (the Mann-Whitney statistic with average ranks). Null without an adopter
     * or without a non-adopter.
     */
    public static Double auc(double[] scores, boolean[] labels) {
        check(scores, labels);
        int n = scores.length;
        long positives = count(labels);
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        Integer[] order = ascending(scores);
        double positiveRankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1; // ranks are 1-based
            for (int k = i; k <= j; k++) {
                if (labels[order[k]]) {
                    positiveRankSum += averageRank;
                }
            }
            i = j + 1;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * Top-decile lift: the adoption rate among the {@code ceil(n / 10)} best-scored rows over the
     * rate among all rows. When the cut falls inside a group of tied scores, that group
     * contributes its adoption rate times the places it takes. Null when no row adopted.
     */
    public static Double topDecileLift(double[] scores, boolean[] labels) {
        check(scores, labels);
        int n = scores.length;
        long positives = count(labels);
        if (n == 0 || positives == 0) {
            return null;
        }
        int top = (n + 9) / 10;
        Integer[] order = ascending(scores);
        double topPositives = 0;
        int taken = 0;
        int i = n - 1;
        while (taken < top) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) {
                j--;
            }
            int size = i - j + 1;
            int groupPositives = 0;
            for (int k = j; k <= i; k++) {
                if (labels[order[k]]) {
                    groupPositives++;
                }
            }
            int places = Math.min(size, top - taken);
            topPositives += (double) groupPositives * places / size;
            taken += places;
            i = j - 1;
        }
        return (topPositives / top) / ((double) positives / n);
    }

    private static Integer[] ascending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        return order;
    }

    private static long count(boolean[] labels) {
        long count = 0;
        for (boolean label : labels) {
            if (label) {
                count++;
            }
        }
        return count;
    }

    private static void check(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        for (double score : scores) {
            if (Double.isNaN(score)) {
                throw new IllegalArgumentException("a score is NaN");
            }
        }
    }
}
