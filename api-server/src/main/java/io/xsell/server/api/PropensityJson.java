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

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Quality(BigDecimal auc, BigDecimal topDecileLift) {
        static Quality of(PropensityReport.Quality q) {
            return q == null ? null : new Quality(fraction(q.auc()), twoDecimals(q.topDecileLift()));
        }
    }

    /** The holdout rows of every line with a model ranked together; mean scores against the adoption rate. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pooled(int lines, int rows, int adopters, BigDecimal adoptionRate, Quality model,
                         Quality popularity, Quality segmentBaseline, Boolean beatsPopularity,
                         BigDecimal modelMeanScore, BigDecimal popularityMeanScore) {
        static Pooled of(PropensityReport.Pooled p) {
            return new Pooled(p.lines(), p.rows(), p.adopters(),
                    p.rows() == 0 ? null : fraction((double) p.adopters() / p.rows()), Quality.of(p.model()),
                    Quality.of(p.popularity()), Quality.of(p.segmentBaseline()), p.beatsPopularity(),
                    fraction(p.modelMeanScore()), fraction(p.popularityMeanScore()));
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
    public record Line(String productLine, int trainingRows, int trainingAdopters, int holdoutRows,
                       int holdoutAdopters, Quality model, Quality popularity, Boolean beatsPopularity,
                       Quality baseline, Boolean beatsBaseline, String note,
                       long candidates, List<Prospect> prospects, List<Weight> weights) {
    }

    public static PropensityJson of(PropensityReport report) {
        return new PropensityJson(report.date().toString(), report.horizonDays(),
                report.trainCutoffs().stream().map(Object::toString).toList(), report.holdoutCutoff().toString(),
                report.baselineSegmentBy(), report.customers(), report.sampledCustomers(), Pooled.of(report.pooled()),
                report.lines().stream().map(l -> new Line(l.line(), l.trainingRows(), l.trainingAdopters(),
                        l.holdoutRows(), l.holdoutAdopters(), Quality.of(l.model()), Quality.of(l.popularity()),
                        l.beatsPopularity(), Quality.of(l.baseline()),
                        l.beatsBaseline(), l.note(), l.candidates(),
                        l.prospects().stream().map(p -> new Prospect(p.customerId(), fraction(p.score()),
                                p.drivers().stream().map(d -> new Driver(d.feature(), fraction(d.value()),
                                        fraction(d.contribution()))).toList())).toList(),
                        l.weights().stream().map(w -> new Weight(w.feature(), fraction(w.weight()))).toList())).toList());
    }
}
