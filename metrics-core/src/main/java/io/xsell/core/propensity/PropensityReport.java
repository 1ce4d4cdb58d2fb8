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

    /**
     * ROC AUC and top-decile lift on the holdout, each with its 95 % bootstrap interval; each null
     * when the holdout has no adopter (AUC: or only adopters), an interval null when not computed.
     */
    public record Quality(Double auc, Double topDecileLift, Double aucLow, Double aucHigh, Double liftLow,
                          Double liftHigh) {
        public Quality(Double auc, Double topDecileLift) {
            this(auc, topDecileLift, null, null, null, null);
        }
    }

    /**
     * The model's AUC and top-decile lift minus a reference's on the same holdout rows, with paired
     * bootstrap intervals at {@code confidence}: simultaneous over every "beats" claim of the report
     * (Bonferroni: {@code 1 - 0.05 / claims}, normal intervals on the bootstrap standard error), so
     * that all the claims of one report hold together at 95 %. The model beats the reference only
     * when both intervals lie wholly above zero.
     */
    public record Difference(Double auc, Double aucLow, Double aucHigh, Double lift, Double liftLow, Double liftHigh,
                             double confidence) {
        public boolean beats() {
            return aucLow != null && liftLow != null && !aucLow.isNaN() && !liftLow.isNaN() && aucLow > 0 && liftLow > 0;
        }
    }

    /**
     * How far the (Platt-calibrated) model probabilities are from what happened on the holdout.
     *
     * @param plattA        slope on the logit of the raw model score, fitted on the validation rows
     * @param plattB        intercept, fitted on the validation rows
     * @param brier         mean squared error of the calibrated scores on the holdout
     * @param popularityBrier the same for the constant popularity score (the line's training rate)
     * @param meanScore     mean calibrated score on the holdout
     * @param observedRate  holdout adopters / holdout rows
     * @param reliability   holdout rows by decile of calibrated score: rows, mean score, observed rate
     */
    public record Calibration(double plattA, double plattB, double brier, double popularityBrier, double meanScore,
                              double observedRate, List<io.xsell.core.stats.Calibration.Bin> reliability) {
        public Calibration {
            reliability = List.copyOf(reliability);
        }
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
                         Quality segmentBaseline, Double modelMeanScore, Double popularityMeanScore,
                         Difference vsPopularity, Difference vsBaseline, Double brier) {
        /** Whether both the AUC and the lift of the pooled models are above popularity's beyond their 95 % intervals. */
        public Boolean beatsPopularity() {
            return vsPopularity == null ? null : vsPopularity.beats();
        }

        /** Whether both the AUC and the lift of the pooled models are above the segment baseline's beyond their intervals. */
        public Boolean beatsBaseline() {
            return vsBaseline == null ? null : vsBaseline.beats();
        }
    }

    /** A line with a model evaluated on enough adopters. */
    public static final String OK = "ok";
    /** Fewer than {@link PropensityAnalysis#MIN_ADOPTERS} adopters in training, validation or holdout: no figures. */
    public static final String INSUFFICIENT_DATA = "insufficient_data";
    /** No model can be fitted (nobody lacks the line, or nobody or everybody adopted it). */
    public static final String NO_MODEL = "no_model";

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
     * @param status        {@link #OK}, {@link #INSUFFICIENT_DATA} or {@link #NO_MODEL}; only OK lines carry figures
     * @param trainingRows  rows the model was fitted on (after sampling, see {@link PropensityAnalysis#MAX_TRAINING_ROWS})
     * @param validationRows rows of the training period kept out of fitting, on which the scores are calibrated
     * @param baseline      the segment base-rate baseline on the holdout
     * @param popularity    the popularity ranker on the holdout: one score (the line's training adoption rate)
     *                      for every row, so AUC 0.5 and lift 1 whenever the holdout has adopters
     * @param model         null when no model could be fitted (see {@code note})
     * @param note          why there is no model, or null
     * @param candidates    customers active on the scoring day not holding the line
     * @param prospects     the best-scored candidates, best first
     * @param weights       the model's weights, largest magnitude first (empty without a model)
     */
    public record LinePropensity(String line, String status, int trainingRows, int trainingAdopters,
                                 int validationRows, int validationAdopters, int holdoutRows, int holdoutAdopters,
                                 Quality model, Quality baseline, Quality popularity, Difference vsBaseline,
                                 Difference vsPopularity, Calibration calibration, String note, long candidates,
                                 List<Prospect> prospects, List<FeatureWeight> weights) {
        public LinePropensity {
            prospects = List.copyOf(prospects);
            weights = List.copyOf(weights);
        }

        /**
         * Whether the model beats the segment baseline: the 95 % intervals of the differences in AUC
         * and in top-decile lift both lie above zero. Null without figures.
         */
        public Boolean beatsBaseline() {
            return vsBaseline == null ? null : vsBaseline.beats();
        }

        /** Whether the model beats the popularity ranker, by the same rule; null without figures. */
        public Boolean beatsPopularity() {
            return vsPopularity == null ? null : vsPopularity.beats();
        }
    }
}
