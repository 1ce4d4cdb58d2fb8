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
 * Line B: with two training cutoffs the later one (11-01) is the validation split: training rows
 * (10-02) 5 with 1 adopter (s1), validation rows 4 with 1 adopter (s5), holdout rows s2, s3 with 1
 * adopter. One adopter proves nothing: B is insufficient_data, with no figures, no prospects and
 * nothing pooled. Line A: held by every active customer, so no row and no candidate.
 * {@link #enough()} is the same layout at a size where figures are earned.
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
        assertThat(a.status()).isEqualTo(PropensityReport.NO_MODEL);
        assertThat(a.trainingRows()).isZero();
        assertThat(a.model()).isNull();
        assertThat(a.note()).contains("no training rows");
        assertThat(a.candidates()).isZero();

        LinePropensity b = report.lines().get(1);
        assertThat(b.status()).isEqualTo(PropensityReport.INSUFFICIENT_DATA);
        assertThat(b.trainingRows()).isEqualTo(5);
        assertThat(b.trainingAdopters()).isEqualTo(1);
        assertThat(b.validationRows()).isEqualTo(4);
        assertThat(b.validationAdopters()).isEqualTo(1);
        assertThat(b.holdoutRows()).isEqualTo(2);
        assertThat(b.holdoutAdopters()).isEqualTo(1);
        assertThat(b.note()).contains("insufficient data").contains("at least 30");
        assertThat(b.model()).isNull();
        assertThat(b.baseline()).isNull();
        assertThat(b.popularity()).isNull();
        assertThat(b.beatsBaseline()).isNull();
        assertThat(b.beatsPopularity()).isNull();
        assertThat(b.prospects()).isEmpty();
        assertThat(b.candidates()).isEqualTo(2);
        assertThat(report.pooled().lines()).isZero();
        assertThat(report.pooled().rows()).isZero();
        assertThat(trainer.seen).isEmpty();
    }

    /**
     * 400 customers on A since 2025-01-01, even ids segment x, odd y. x customers with i % 20 in
     * {0, 2}, {4, 6}, {8, 10}... by block: adopt B on 10-15, 11-15 or 12-15 (40 each); y: 20 each.
     * Training (10-02): 400 rows, 60 adopters; validation (11-01): 340 rows, 60; holdout (12-01):
     * 280 rows, 60 (x: 120 rows, 40 adopters; y: 160 rows, 20). Baseline (training rates x 0.2,
     * y 0.1) on the holdout: AUC = (40 x 140 + (40 x 80 + 20 x 140) / 2) / (60 x 220) = 0.651515;
     * top 28 rows all in the x group (rate 1/3) against 60/280: lift 1.555556.
     */
    static TenantDataset enough() {
        return enough(true);
    }

    static TenantDataset enough(boolean withSegment) {
        var data = dataset().product("A", "A", LineKind.CORE).product("B", "B", LineKind.MODULE);
        String[] days = {"2025-10-15", "2025-11-15", "2025-12-15"};
        for (int i = 0; i < 400; i++) {
            String id = "c" + (1000 + i);
            boolean x = i % 2 == 0;
            if (withSegment) {
                data.customer(id, "segment", x ? "x" : "y");
            }
            data.holds(id, "A", "100", "2025-01-01");
            int block = (i / 2) % 10; // 0..9 within each segment
            int window = x ? block / 2 : block; // x: blocks 0-5 adopt (2 per window), y: blocks 0-2 (1 per window)
            if (window < 3) {
                data.holds(id, "B", "50", days[window]);
            }
        }
        return data.build();
    }

    @Test
    void withEnoughAdoptersEveryFigureCarriesItsIntervalAndClaimsNeedTheIntervalsToExcludeZero() {
        TenantDataset data = enough();
        PropensityReport report = PropensityAnalysis.run(MrrLedger.of(data), data, new GradientDescentTrainer(), DATE,
                30, 2, null, "B", 5);
        LinePropensity b = report.lines().get(0);

        assertThat(b.status()).isEqualTo(PropensityReport.OK);
        assertThat(b.trainingRows()).isEqualTo(400);
        assertThat(b.trainingAdopters()).isEqualTo(60);
        assertThat(b.validationRows()).isEqualTo(340);
        assertThat(b.validationAdopters()).isEqualTo(60);
        assertThat(b.holdoutRows()).isEqualTo(280);
        assertThat(b.holdoutAdopters()).isEqualTo(60);
        assertThat(b.baseline().auc()).isCloseTo(8600.0 / 13200, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(b.baseline().topDecileLift()).isCloseTo((1.0 / 3) / (60.0 / 280), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(b.baseline().aucLow()).isLessThan(b.baseline().auc());
        assertThat(b.baseline().aucHigh()).isGreaterThan(b.baseline().auc());
        assertThat(b.popularity().auc()).isEqualTo(0.5);
        // The segment is all there is to learn, so the model ranks like the baseline: no claim.
        assertThat(b.vsBaseline().aucLow()).isLessThanOrEqualTo(0);
        assertThat(b.beatsBaseline()).isFalse();
        // Against popularity (a constant) both differences are clearly above 0.
        assertThat(b.vsPopularity().aucLow()).isPositive();
        assertThat(b.vsPopularity().liftLow()).isPositive();
        assertThat(b.beatsPopularity()).isTrue();
        // Calibrated on the validation rows: their mean calibrated score is their rate, 60/340.
        var calibration = b.calibration();
        assertThat(calibration.observedRate()).isCloseTo(60.0 / 280, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(calibration.meanScore()).isBetween(0.12, 0.24);
        assertThat(calibration.reliability()).hasSize(10);
        assertThat(calibration.reliability().stream().mapToInt(bin -> bin.rows()).sum()).isEqualTo(280);
        assertThat(calibration.brier()).isLessThan(calibration.popularityBrier() + 0.01);
        assertThat(report.pooled().lines()).isEqualTo(1);
        assertThat(report.pooled().modelMeanScore()).isCloseTo(calibration.meanScore(),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(b.prospects()).isNotEmpty();
    }

    /** The model learns that segment x adopts: the x customers' segment drives their score. */
    @Test
    void prospectsCarryTheirMainDrivers() {
        TenantDataset data = enough();
        PropensityReport report = PropensityAnalysis.run(MrrLedger.of(data), data, new GradientDescentTrainer(), DATE,
                30, 2, null, "B", 5);

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
        // one adopter a period: too few for any figure
        assertThat(report.lines().get(0).status()).isEqualTo(PropensityReport.INSUFFICIENT_DATA);
        assertThat(List.of(report.lines().get(0).candidates())).containsExactly(1L);
        // enough adopters but no segment attribute: the baseline is one rate, so AUC 1/2 and lift 1
        TenantDataset anonymous = enough(false);
        LinePropensity b = PropensityAnalysis.run(MrrLedger.of(anonymous), anonymous, new GradientDescentTrainer(), DATE,
                30, 2, null, "B", 5).lines().get(0);
        assertThat(b.baseline().auc()).isEqualTo(0.5);
        assertThat(b.baseline().topDecileLift()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }
}
