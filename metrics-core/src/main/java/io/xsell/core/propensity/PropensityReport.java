package io.xsell.core.propensity;

import java.time.LocalDate;
import java.util.List;

/**
 * Propensity models of a tenant's lines: how they were trained and held out, how each ranks
 * adopters on the holdout against the popularity ranker and the segment base-rate baseline, and the customers it ranks first now.
 *
 * @param trainCutoffs       training cutoffs, earliest first; labels look {@code horizonDays} past each
 * @param holdoutCutoff      {@code date - horizonDays}; its labels end on {@code date}
 * @param baselineSegmentBy  attribute of the baseline's segments, null when the baseline is one overall rate
 * @param sampledCustomers   customers whose rows were used for training and holdout (all of them up to
 *                           {@link PropensityAnalysis#MAX_SAMPLED_CUSTOMERS})
 * @param pooled             the holdout rows of every line with a model, ranked together
 */
public record PropensityReport(LocalDate date, int horizonDays, List<LocalDate> trainCutoffs, LocalDate holdoutCutoff,
                               String baselineSegmentBy, int customers, int sampledCustomers, Pooled pooled,
                               List<LinePropensity> lines) {
    public PropensityReport {
        trainCutoffs = List.copyOf(trainCutoffs);
        lines = List.copyOf(lines);
    }

    /** ROC AUC and top-decile lift on the holdout; each null when the holdout has no adopter (AUC: or only adopters). */
    public record Quality(Double auc, Double topDecileLift) {
    }

    /**
     * The holdout rows of the lines with a model pooled into one ranking of (customer, line) pairs,
     * as ranked by the models, by the popularity ranker and by the segment baseline.
     *
     * @param lines                lines pooled (those with a model)
     * @param rows                 their holdout rows together
     * @param adopters             rows whose customer adopted the row's line within the horizon
     * @param modelMeanScore       mean model probability over the rows (against {@code adopters / rows}:
     *                             whether the probabilities are calibrated on average); null without rows
     * @param popularityMeanScore  mean popularity score over the rows; null without rows
     */
    public record Pooled(int lines, int rows, int adopters, Quality model, Quality popularity,
                         Quality segmentBaseline, Double modelMeanScore, Double popularityMeanScore) {
        /** Whether the models' pooled AUC is above the popularity ranker's; null when either is unknown. */
        public Boolean beatsPopularity() {
            if (model.auc() == null || popularity.auc() == null) {
                return null;
            }
            return model.auc() > popularity.auc();
        }
    }

    /** A feature's share in a customer's score: {@code weight * standardised value} on the log-odds. */
    public record Driver(String feature, double value, double contribution) {
    }

    /** A model's weight on a standardised feature: the log-odds change per standard deviation. */
    public record FeatureWeight(String feature, double weight) {
    }

    /** A customer active on the scoring day that does not hold the line, with its probability of adopting it. */
    public record Prospect(String customerId, double score, List<Driver> drivers) {
        public Prospect {
            drivers = List.copyOf(drivers);
        }
    }

    /**
     * One line's model.
     *
     * @param trainingRows  rows the model was fitted on (after sampling, see {@link PropensityAnalysis#MAX_TRAINING_ROWS})
     * @param baseline      the segment base-rate baseline on the holdout
     * @param popularity    the popularity ranker on the holdout: one score (the line's training adoption rate)
     *                      for every row, so AUC 0.5 and lift 1 whenever the holdout has adopters
     * @param model         null when no model could be fitted (see {@code note})
     * @param note          why there is no model, or null
     * @param candidates    customers active on the scoring day not holding the line
     * @param prospects     the best-scored candidates, best first
     * @param weights       the model's weights, largest magnitude first (empty without a model)
     */
    public record LinePropensity(String line, int trainingRows, int trainingAdopters, int holdoutRows,
                                 int holdoutAdopters, Quality model, Quality baseline, Quality popularity, String note, long candidates,
                                 List<Prospect> prospects, List<FeatureWeight> weights) {
        public LinePropensity {
            prospects = List.copyOf(prospects);
            weights = List.copyOf(weights);
        }

        /** Whether the model's holdout AUC is above the baseline's; null when either is unknown. */
        public Boolean beatsBaseline() {
            if (model == null || model.auc() == null || baseline.auc() == null) {
                return null;
            }
            return model.auc() > baseline.auc();
        }

        /** Whether the model's holdout AUC is above the popularity ranker's; null when either is unknown. */
        public Boolean beatsPopularity() {
            if (model == null || model.auc() == null || popularity.auc() == null) {
                return null;
            }
            return model.auc() > popularity.auc();
        }
    }
}
