package io.xsell.core.propensity;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.metrics.UnknownAttributeException;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.propensity.PropensityReport.LinePropensity;
import io.xsell.core.propensity.PropensityReport.Prospect;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scoring day 2025-12-31, horizon 30 days, 2 training cutoffs: holdout cutoff 2025-12-01, training
 * cutoffs 2025-10-02 and 2025-11-01. Everyone holds A from 2025-01-01.
 * <pre>
 * s1 x  B on 2025-10-15       train: adopter at 10-02; holds B at 11-01 (no row)
 * s2 x  B on 2025-12-10       train: no at 10-02 and 11-01; holdout: adopter
 * s3 y  never B               train: no, no; holdout: no; candidate today
 * s4 y  A ends 2025-11-15     train: no, no; inactive at the holdout cutoff and today
 * s5 x  B on 2025-11-20       train: no at 10-02, adopter at 11-01; holds B at 12-01
 * s6 y  A from 2025-12-15     only active today: a candidate
 * </pre>
 * Line B: training rows 5 + 4 = 9 with 2 adopters; holdout rows s2, s3 with 1 adopter. Baseline by
 * segment: x 2 adopters in 5 rows (0.4), y 0 in 4; holdout scores s2 0.4 (adopter), s3 0: AUC 1,
 * top decile (1 row) all adopters against a rate of 1/2: lift 2. Line A: held by every active
 * customer, so no row and no candidate.
 */
class PropensityAnalysisTest {
    static final LocalDate DATE = LocalDate.parse("2025-12-31");

    static TenantDataset data() {
        return dataset().product("A", "A", LineKind.CORE).product("B", "B", LineKind.MODULE)
                .customer("s1", "segment", "x").customer("s2", "segment", "x").customer("s3", "segment", "y")
                .customer("s4", "segment", "y").customer("s5", "segment", "x").customer("s6", "segment", "y")
                .holds("s1", "A", "100", "2025-01-01").holds("s1", "B", "50", "2025-10-15")
                .holds("s2", "A", "100", "2025-01-01").holds("s2", "B", "50", "2025-12-10")
                .holds("s3", "A", "100", "2025-01-01")
                .holds("s4", "A", "100", "2025-01-01", "2025-11-15")
                .holds("s5", "A", "100", "2025-01-01").holds("s5", "B", "50", "2025-11-20")
                .holds("s6", "A", "100", "2025-12-15")
                .build();
    }

    private static PropensityReport run(GradientDescentTrainer trainer, String segmentBy, String line) {
        TenantDataset data = data();
        return PropensityAnalysis.run(MrrLedger.of(data), data, trainer, DATE, 30, 2, segmentBy, line, 10);
    }

    @Test
    void rowsLabelsAndTheTimeSplitAreAsWorkedOutByHand() {
        GradientDescentTrainer trainer = new GradientDescentTrainer();
        PropensityReport report = run(trainer, null, null);

        assertThat(report.trainCutoffs()).containsExactly(LocalDate.parse("2025-10-02"), LocalDate.parse("2025-11-01"));
        assertThat(report.holdoutCutoff()).isEqualTo(LocalDate.parse("2025-12-01"));
        assertThat(report.baselineSegmentBy()).isEqualTo("segment");
        assertThat(report.customers()).isEqualTo(6);
        assertThat(report.sampledCustomers()).isEqualTo(6);

        LinePropensity a = report.lines().get(0);
        assertThat(a.line()).isEqualTo("A");
        assertThat(a.trainingRows()).isZero();
        assertThat(a.model()).isNull();
        assertThat(a.note()).contains("no training rows");
        assertThat(a.candidates()).isZero();

        LinePropensity b = report.lines().get(1);
        assertThat(b.trainingRows()).isEqualTo(9);
        assertThat(b.trainingAdopters()).isEqualTo(2);
        assertThat(b.holdoutRows()).isEqualTo(2);
        assertThat(b.holdoutAdopters()).isEqualTo(1);
        assertThat(b.baseline().auc()).isEqualTo(1.0);
        assertThat(b.baseline().topDecileLift()).isEqualTo(2.0);
        // popularity: B's training rate 2/9 for both holdout rows, so it cannot rank them
        assertThat(b.popularity().auc()).isEqualTo(0.5);
        assertThat(b.popularity().topDecileLift()).isEqualTo(1.0);
        assertThat(b.beatsPopularity()).isEqualTo(b.model().auc() > 0.5);
        // pooled: only B has a model, so the pool is B's holdout and repeats B's figures
        assertThat(report.pooled().lines()).isEqualTo(1);
        assertThat(report.pooled().rows()).isEqualTo(2);
        assertThat(report.pooled().adopters()).isEqualTo(1);
        assertThat(report.pooled().model()).isEqualTo(b.model());
        assertThat(report.pooled().popularity()).isEqualTo(b.popularity());
        assertThat(report.pooled().segmentBaseline()).isEqualTo(b.baseline());
        assertThat(report.pooled().popularityMeanScore()).isCloseTo(2.0 / 9, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(b.candidates()).isEqualTo(2);
        assertThat(b.prospects()).extracting(Prospect::customerId).containsExactlyInAnyOrder("s3", "s6");
        assertThat(b.prospects().get(0).score()).isGreaterThanOrEqualTo(b.prospects().get(1).score());

        // the trainer saw line B's 9 rows, standardised, with the segment as an adoption log-odds
        TrainingSet set = trainer.seen.get(0);
        assertThat(trainer.seen).hasSize(1);
        assertThat(set.rows()).hasNumberOfRows(9);
        assertThat(set.positives()).isEqualTo(2);
        assertThat(set.featureNames()).contains("tenure_months", "log_mrr", "holds:A", "holds:B",
                "segment_adoption_rate");
        int holdsB = set.featureNames().indexOf("holds:B");
        for (double[] row : set.rows()) {
            assertThat(row[holdsB]).as("constant in training, so standardised to 0").isZero();
        }
    }

    /** The model learns that segment x adopts: the x customers' segment drives their score. */
    @Test
    void prospectsCarryTheirMainDrivers() {
        PropensityReport report = run(new GradientDescentTrainer(), null, "B");

        assertThat(report.lines()).hasSize(1);
        LinePropensity b = report.lines().get(0);
        assertThat(b.model()).isNotNull();
        assertThat(b.weights()).isNotEmpty();
        assertThat(b.prospects()).allSatisfy(p -> assertThat(p.drivers()).allSatisfy(d ->
                assertThat(d.contribution()).isPositive()));
    }

    @Test
    void theSameInputGivesTheSameReport() {
        assertThat(run(new GradientDescentTrainer(), null, null)).usingRecursiveComparison()
                .isEqualTo(run(new GradientDescentTrainer(), null, null));
    }

    @Test
    void anUnknownLineOrAttributeIsRefusedByName() {
        assertThatThrownBy(() -> run(new GradientDescentTrainer(), null, "Z"))
                .isInstanceOf(UnknownLineException.class).hasMessageContaining("'Z'");
        assertThatThrownBy(() -> run(new GradientDescentTrainer(), "planet", null))
                .isInstanceOf(UnknownAttributeException.class).hasMessageContaining("planet");
    }

    @Test
    void withoutASegmentAttributeTheBaselineIsOneRate() {
        TenantDataset data = dataset().product("A", "A", LineKind.CORE).product("B", "B", LineKind.MODULE)
                .holds("u1", "A", "100", "2025-01-01").holds("u1", "B", "50", "2025-10-15")
                .holds("u2", "A", "100", "2025-01-01").holds("u2", "B", "50", "2025-12-10")
                .holds("u3", "A", "100", "2025-01-01").build();
        PropensityReport report = PropensityAnalysis.run(MrrLedger.of(data), data, new GradientDescentTrainer(), DATE,
                30, 2, null, "B", 5);

        assertThat(report.baselineSegmentBy()).isNull();
        // holdout: u2 adopts, u3 does not; one constant score: AUC 1/2, lift 1
        assertThat(report.lines().get(0).baseline().auc()).isEqualTo(0.5);
        assertThat(report.lines().get(0).baseline().topDecileLift()).isEqualTo(1.0);
        assertThat(List.of(report.lines().get(0).candidates())).containsExactly(1L);
    }
}
