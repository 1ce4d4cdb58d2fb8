package io.xsell.server.api;

import static io.xsell.server.api.Ratios.fraction;
import static io.xsell.server.api.Ratios.twoDecimals;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.propensity.PropensityReport;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code GET /v1/analytics/propensity}: per line the holdout quality of the model and of
 * the popularity ranker and the segment baseline (per line and pooled over lines), and the best prospects with their scores and main drivers.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PropensityJson(String date, int horizonDays, List<String> trainCutoffs, String holdoutCutoff,
                             String baselineSegmentBy, int customers, int sampledCustomers, Pooled pooled,
                             List<Line> lines) {

    /** AUC and top-decile lift with their 95 % bootstrap intervals. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Quality(BigDecimal auc, BigDecimal aucCiLow, BigDecimal aucCiHigh, BigDecimal topDecileLift,
                          BigDecimal liftCiLow, BigDecimal liftCiHigh) {
        static Quality of(PropensityReport.Quality q) {
            return q == null ? null : new Quality(fraction(q.auc()), fraction(q.aucLow()), fraction(q.aucHigh()),
                    twoDecimals(q.topDecileLift()), twoDecimals(q.liftLow()), twoDecimals(q.liftHigh()));
        }
    }

    /**
     * Model minus a reference on the same rows, with paired bootstrap intervals simultaneous over the
     * report's claims at {@code confidence}; beats = both intervals above 0.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Difference(BigDecimal auc, BigDecimal aucCiLow, BigDecimal aucCiHigh, BigDecimal topDecileLift,
                             BigDecimal liftCiLow, BigDecimal liftCiHigh, BigDecimal confidence) {
        static Difference of(PropensityReport.Difference d) {
            return d == null ? null : new Difference(fraction(d.auc()), fraction(d.aucLow()), fraction(d.aucHigh()),
                    twoDecimals(d.lift()), twoDecimals(d.liftLow()), twoDecimals(d.liftHigh()), fraction(d.confidence()));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReliabilityBin(int rows, int adopters, BigDecimal meanScore, BigDecimal observedRate) {
    }

    /** Platt calibration fitted on the validation rows, and how the calibrated scores fare on the holdout. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Calibration(String method, BigDecimal plattA, BigDecimal plattB, BigDecimal brierScore,
                              BigDecimal popularityBrierScore, BigDecimal meanScore, BigDecimal observedRate,
                              List<ReliabilityBin> reliability) {
        static Calibration of(PropensityReport.Calibration c) {
            return c == null ? null : new Calibration("platt", fraction(c.plattA()), fraction(c.plattB()),
                    fraction(c.brier()), fraction(c.popularityBrier()), fraction(c.meanScore()),
                    fraction(c.observedRate()), c.reliability().stream().map(b -> new ReliabilityBin(b.rows(),
                            b.positives(), fraction(b.meanScore()), fraction(b.observedRate()))).toList());
        }
    }

    /** The holdout rows of every line with figures ranked together; mean calibrated score against the adoption rate. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pooled(int lines, int rows, int adopters, BigDecimal adoptionRate, Quality model,
                         Quality popularity, Quality segmentBaseline, Difference vsPopularity, Boolean beatsPopularity,
                         Difference vsBaseline, Boolean beatsBaseline, BigDecimal modelMeanScore,
                         BigDecimal popularityMeanScore, BigDecimal brierScore) {
        static Pooled of(PropensityReport.Pooled p) {
            return new Pooled(p.lines(), p.rows(), p.adopters(),
                    p.rows() == 0 ? null : fraction((double) p.adopters() / p.rows()), Quality.of(p.model()),
                    Quality.of(p.popularity()), Quality.of(p.segmentBaseline()), Difference.of(p.vsPopularity()),
                    p.beatsPopularity(), Difference.of(p.vsBaseline()), p.beatsBaseline(),
                    fraction(p.modelMeanScore()), fraction(p.popularityMeanScore()), fraction(p.brier()));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Driver(String feature, BigDecimal value, BigDecimal contribution) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Prospect(String customerId, BigDecimal score, List<Driver> drivers) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Weight(String feature, BigDecimal weight) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(String productLine, String status, int trainingRows, int trainingAdopters,
                       int validationRows, int validationAdopters, int holdoutRows,
                       int holdoutAdopters, Quality model, Quality popularity, Difference vsPopularity,
                       Boolean beatsPopularity, Quality baseline, Difference vsBaseline, Boolean beatsBaseline,
                       Calibration calibration, String note, long candidates, List<Prospect> prospects,
                       List<Weight> weights) {
    }

    public static PropensityJson of(PropensityReport report) {
        return new PropensityJson(report.date().toString(), report.horizonDays(),
                report.trainCutoffs().stream().map(Object::toString).toList(), report.holdoutCutoff().toString(),
                report.baselineSegmentBy(), report.customers(), report.sampledCustomers(), Pooled.of(report.pooled()),
                report.lines().stream().map(l -> new Line(l.line(), l.status(), l.trainingRows(), l.trainingAdopters(),
                        l.validationRows(), l.validationAdopters(),
                        l.holdoutRows(), l.holdoutAdopters(), Quality.of(l.model()), Quality.of(l.popularity()),
                        Difference.of(l.vsPopularity()), l.beatsPopularity(), Quality.of(l.baseline()),
                        Difference.of(l.vsBaseline()), l.beatsBaseline(), Calibration.of(l.calibration()), l.note(),
                        l.candidates(),
                        l.prospects().stream().map(p -> new Prospect(p.customerId(), fraction(p.score()),
                                p.drivers().stream().map(d -> new Driver(d.feature(), fraction(d.value()),
                                        fraction(d.contribution()))).toList())).toList(),
                        l.weights().stream().map(w -> new Weight(w.feature(), fraction(w.weight()))).toList())).toList());
    }
}
