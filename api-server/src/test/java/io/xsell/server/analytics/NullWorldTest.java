package io.xsell.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.insights.Insight;
import io.xsell.core.insights.InsightEngine;
import io.xsell.core.insights.InsightsAnswer;
import io.xsell.core.insights.Severity;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.propensity.PropensityAnalysis;
import io.xsell.core.propensity.PropensityReport;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.ingestion.synthetic.SyntheticEffects;
import io.xsell.server.propensity.TribuoLogisticTrainer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * xsell must say nothing rather than something false: on accounts where adoption, churn and
 * engagement are independent of everything ({@code generate --null-effects}), no insight above
 * {@code info} survives the tests and the false discovery rate correction, and no propensity model
 * claims to beat a baseline. The accounts are small so that each seed runs in a few seconds.
 */
class NullWorldTest {
    /** 13 full months, so the attached cohort is followed for 12 months. */
    static final Window WINDOW = Window.of("2025-10-01", "2026-11-01");
    static final LocalDate DATE = SyntheticAccountSpec.DEFAULT_HISTORY_END;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void aNullWorldMakesNoClaim(long seed) {
        TenantDataset dataset = SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(seed, 3_000),
                SyntheticEffects.none());
        MrrLedger ledger = MrrLedger.of(dataset);

        InsightsAnswer answer = InsightEngine.answer(ledger, WINDOW, "segment");
        assertThat(answer.testsRun()).as("the segment and retention rules ran tests").isGreaterThan(0);
        assertThat(answer.insights()).as("seed %d: %s", seed, answer.insights())
                .allSatisfy(i -> assertThat(i.severity()).isEqualTo(Severity.INFO));

        PropensityReport report = PropensityAnalysis.run(ledger, dataset, new TribuoLogisticTrainer(), DATE, 90, 4,
                null, null, 0);
        assertThat(report.lines()).as("seed %d", seed).allSatisfy(line -> {
            assertThat(line.beatsBaseline()).as("%s beats the segment baseline", line.line()).isNotEqualTo(Boolean.TRUE);
            assertThat(line.beatsPopularity()).as("%s beats popularity", line.line()).isNotEqualTo(Boolean.TRUE);
        });
        assertThat(report.lines()).as("some lines have the data to be evaluated")
                .anySatisfy(line -> assertThat(line.status()).isEqualTo(PropensityReport.OK));
        assertThat(report.pooled().beatsBaseline()).as("pooled beats the segment baseline").isNotEqualTo(Boolean.TRUE);
    }

    /**
     * The same null world with one planted effect: customers churn at {@code factor} times the
     * rate once they have cross-sold a line. Half the rate is found as good news (attached
     * customers churn less, info); double the rate as a critical problem, direction and interval right.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2.0})
    void aPlantedChurnEffectIsFoundWithItsDirectionAndSeverity(double factor) {
        TenantDataset dataset = SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(7, 20_000),
                SyntheticEffects.none().withAttachedChurnFactor(factor));
        InsightsAnswer answer = InsightEngine.answer(MrrLedger.of(dataset), WINDOW, null);

        List<Insight> retention = answer.insights().stream()
                .filter(i -> i.rule().equals(InsightEngine.ATTACHED_COHORT_RETENTION)).toList();
        assertThat(retention).as("%s", answer.suppressed()).hasSize(1);
        Insight insight = retention.get(0);
        assertThat(insight.comparison().adjustedPValue().doubleValue()).isLessThanOrEqualTo(0.05);
        if (factor < 1) {
            assertThat(insight.comparison().ciLowPctPoints().signum()).isPositive();
            assertThat(insight.title()).contains("churn less");
            assertThat(insight.severity()).isEqualTo(Severity.INFO);
        } else {
            assertThat(insight.comparison().ciHighPctPoints().signum()).isNegative();
            assertThat(insight.title()).contains("churn more");
            assertThat(insight.comparison().differencePctPoints().abs())
                    .isGreaterThanOrEqualTo(InsightEngine.CRITICAL_GAP_POINTS);
            assertThat(insight.severity()).isEqualTo(Severity.CRITICAL);
        }
    }
}
