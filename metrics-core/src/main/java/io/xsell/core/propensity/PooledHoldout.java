package io.xsell.core.propensity;

import io.xsell.core.propensity.PropensityReport.Pooled;
import io.xsell.core.propensity.PropensityReport.Quality;
import java.util.ArrayList;
import java.util.List;

/**
 * The holdout rows of every line with a model, pooled: one row per (customer, line) the customer
 * lacked at the holdout cutoff. Ranking these rows is the "which line to offer whom" decision, where
 * the popularity ranker (each line's training adoption rate, the same for every customer) is a real
 * competitor: within one line it cannot rank at all, across lines it puts the popular lines first.
 * Scores of different lines are comparable because each is a probability of adoption within the
 * horizon (the model's logistic output, the baselines' adoption rates).
 */
final class PooledHoldout {
    private final List<double[]> model = new ArrayList<>();
    private final List<double[]> popularity = new ArrayList<>();
    private final List<double[]> segment = new ArrayList<>();
    private final List<boolean[]> labels = new ArrayList<>();

    /** One line's holdout rows: the model's, the popularity ranker's and the segment baseline's scores. */
    void add(double[] modelScores, double[] popularityScores, double[] segmentScores, boolean[] rowLabels) {
        int n = rowLabels.length;
        if (modelScores.length != n || popularityScores.length != n || segmentScores.length != n) {
            throw new IllegalArgumentException("one line's holdout scores and labels differ in length");
        }
        for (double score : modelScores) {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("a model score is not a probability: " + score);
            }
        }
        model.add(modelScores);
        popularity.add(popularityScores);
        segment.add(segmentScores);
        labels.add(rowLabels);
    }

    /** @param z the normal quantile of the claims' simultaneous intervals, at {@code confidence} */
    Pooled result(double z, double confidence) {
        double[] m = concat(model);
        double[] p = concat(popularity);
        double[] s = concat(segment);
        boolean[] y = new boolean[m.length];
        int at = 0;
        int adopters = 0;
        for (boolean[] part : labels) {
            System.arraycopy(part, 0, y, at, part.length);
            at += part.length;
        }
        for (boolean b : y) {
            if (b) {
                adopters++;
            }
        }
        double[][] ci = new RankingIntervals(y, m, s, p).intervals(PropensityAnalysis.SEED);
        Quality model = PropensityAnalysis.quality(m, y, ci[0]);
        Quality segmentBaseline = PropensityAnalysis.quality(s, y, ci[1]);
        Quality popular = PropensityAnalysis.quality(p, y, ci[2]);
        return new Pooled(labels.size(), y.length, adopters, model, popular, segmentBaseline, mean(m), mean(p),
                PropensityAnalysis.difference(model, popular, ci[4], z, confidence),
                PropensityAnalysis.difference(model, segmentBaseline, ci[3], z, confidence),
                y.length == 0 ? null : io.xsell.core.stats.Calibration.brier(m, y));
    }

    private static Double mean(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double[] concat(List<double[]> parts) {
        double[] all = new double[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
