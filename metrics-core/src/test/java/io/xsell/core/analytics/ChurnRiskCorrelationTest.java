package io.xsell.core.analytics;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.xsell.core.analytics.ChurnRiskCorrelation.Group;
import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.metrics.Window;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import org.junit.jupiter.api.Test;

class ChurnRiskCorrelationTest {
    /** Start state 2024-12-31, end state 2025-12-31. */
    private static final Window YEAR_2025 = Window.of("2025-01-01", "2026-01-01");

    private static ChurnRiskCorrelation of(TenantDatasetFixture data) {
        return ChurnRiskCorrelation.of(MrrLedger.of(data.build()), YEAR_2025);
    }

    /**
     * a: A since 2024, still paying → 1 line, retained
     * b: A 2024-01-01 to 2025-06-01 → 1 line, churned
     * h: A 2024-06-01 to 2025-01-01 → active on 2024-12-31, 1 line, churned
     * c: A + B since 2024, drops B in March → 2 lines, retained (line churn is not logo churn)
     * d: A + B until 2025-02-01, A again from 2025-08-01 → 2 lines, retained (active at end)
     * e: A + B + C until 2025-12-31 → not earning on the end state day → 3+, churned
     * f: A + B + C + D until 2026-01-01 → earning on 2025-12-31 → 3+, retained
     * g: A from 2025-03-01 → not active at start, not in the base
     * 1 line: 3, 2 churned → 66.67 %; 2 lines: 2, 0 → 0 %; 3+: 2, 1 → 50 %; all: 7, 3 → 42.86 %
     */
    @Test
    void churnRateByLinesHeldAtWindowStart() {
        ChurnRiskCorrelation result = of(dataset()
                .holds("a", "A", "10", "2024-01-01")
                .holds("b", "A", "10", "2024-01-01", "2025-06-01")
                .holds("h", "A", "10", "2024-06-01", "2025-01-01")
                .holds("c", "A", "10", "2024-01-01").holds("c", "B", "10", "2024-01-01", "2025-03-01")
                .holds("d", "A", "10", "2024-01-01", "2025-02-01").holds("d", "B", "10", "2024-01-01", "2025-02-01")
                .holds("d", "A", "10", "2025-08-01")
                .holds("e", "A", "10", "2024-01-01", "2025-12-31").holds("e", "B", "10", "2024-01-01", "2025-12-31")
                .holds("e", "C", "10", "2024-01-01", "2025-12-31")
                .holds("f", "A", "10", "2024-01-01", "2026-01-01").holds("f", "B", "10", "2024-01-01", "2026-01-01")
                .holds("f", "C", "10", "2024-01-01", "2026-01-01").holds("f", "D", "10", "2024-01-01", "2026-01-01")
                .holds("g", "A", "10", "2025-03-01"));

        assertThat(result.groups()).extracting(Group::linesHeld, Group::customers, Group::churned)
                .containsExactly(tuple("1", 3L, 2L),
                        tuple("2", 2L, 0L),
                        tuple("3+", 2L, 1L));
        assertThat(Decimals.present(result.oneLine().churnRatePct())).isEqualByComparingTo("66.67");
        assertThat(result.twoLines().churnRatePct()).isEqualByComparingTo("0");
        assertThat(result.threePlus().churnRatePct()).isEqualByComparingTo("50");
        assertThat(result.overall().customers()).isEqualTo(7);
        assertThat(result.overall().churned()).isEqualTo(3);
        assertThat(Decimals.present(result.overall().churnRatePct())).isEqualByComparingTo("42.86");
    }

    /** Nobody active at window start: every group is empty and every rate null, not 0. */
    @Test
    void nobodyActiveAtStart() {
        ChurnRiskCorrelation result = of(dataset().holds("g", "A", "10", "2025-03-01"));

        assertThat(result.groups()).allSatisfy(g -> {
            assertThat(g.customers()).isZero();
            assertThat(g.churnRatePct()).isNull();
        });
        assertThat(result.overall().churnRatePct()).isNull();
    }

    /** One two-line customer that churns: only its group has a rate, 100 %. */
    @Test
    void oneCustomer() {
        ChurnRiskCorrelation result = of(dataset()
                .holds("a", "A", "10", "2024-01-01", "2025-05-01").holds("a", "B", "10", "2024-01-01", "2025-05-01"));

        assertThat(result.oneLine().churnRatePct()).isNull();
        assertThat(result.twoLines().churnRatePct()).isEqualByComparingTo("100");
        assertThat(result.threePlus().churnRatePct()).isNull();
        assertThat(result.overall().churnRatePct()).isEqualByComparingTo("100");
    }
}
