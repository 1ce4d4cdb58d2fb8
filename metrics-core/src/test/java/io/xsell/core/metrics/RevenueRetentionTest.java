package io.xsell.core.metrics;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** ARR, net and gross revenue retention and the quick ratio (spec section 4), on hand-checked bases. */
class RevenueRetentionTest {
    private static final Window YEAR_2025 = Window.of("2025-01-01", "2026-01-01");

    private static CrossSellReport report(TenantDatasetFixture fixture, String segmentBy) {
        return CrossSellCalculator.report(MrrLedger.of(fixture.build()), YEAR_2025, segmentBy);
    }

    private static BigDecimal cents(BigDecimal value) {
        return Decimals.present(value);
    }

    /** The base of CrossSellCalculatorTest.everyWindowFieldOnASmallBase: start 420, end 470. */
    @Test
    void ratiosOfASmallBaseWithEveryKindOfLoss() {
        WindowMetrics m = report(CrossSellCalculatorTest.smallBase(), null).metrics();

        assertThat(m.arr()).isEqualByComparingTo("5640");
        // the cohort a, b, c: 420 at the start, 200 + 150 + 0 = 350 at the end
        assertThat(cents(m.netRevenueRetentionPct())).isEqualByComparingTo("83.33");
        // 420 - 50 (contraction) - 40 (line churn) - 80 (churn) = 250; the upsell and cross-sell of a do not add back
        assertThat(cents(m.grossRevenueRetentionPct())).isEqualByComparingTo("59.52");
        // gains 120 + 50 + 50 = 220 over losses 170
        assertThat(cents(m.quickRatio())).isEqualByComparingTo("1.29");
    }

    /**
     * x (starting cohort) churns in April and comes back in July: NRR counts its MRR at the end, GRR
     * keeps the churn and never adds the reactivation back. w is acquired and lost inside the
     * window: in the quick ratio, in neither retention.
     */
    @Test
    void aStartingCustomerWhoChurnsAndReactivatesInTheWindow() {
        CrossSellReport report = report(dataset()
                .customer("x", "segment", "smb").customer("y", "segment", "smb")
                .customer("z", "segment", "ent").customer("w", "segment", "ent")
                .holds("x", "A", "100", "2024-01-01", "2025-04-01").holds("x", "A", "100", "2025-07-01")
                .holds("y", "A", "200", "2024-01-01", "2025-06-01").holds("y", "A", "300", "2025-06-01")
                .holds("z", "A", "50", "2025-03-01")
                .holds("w", "A", "60", "2025-02-01", "2025-05-01"), "segment");
        WindowMetrics m = report.metrics();

        assertThat(m.startingMrr()).isEqualByComparingTo("300");
        assertThat(m.endingMrr()).isEqualByComparingTo("450");
        assertThat(m.reactivationMrr()).isEqualByComparingTo("100");
        assertThat(m.arr()).isEqualByComparingTo("5400");
        assertThat(cents(m.netRevenueRetentionPct())).isEqualByComparingTo("133.33");
        assertThat(cents(m.grossRevenueRetentionPct())).isEqualByComparingTo("66.67");
        // gains: new 50 + 60, reactivation 100, upsell 100 = 310; losses: churn 100 + 60 = 160
        assertThat(m.quickRatio()).isEqualByComparingTo("1.9375");

        SegmentMetrics ent = report.bySegment().get(0);
        SegmentMetrics smb = report.bySegment().get(1);
        assertThat(ent.segment()).isEqualTo("ent");
        assertThat(cents(smb.metrics().netRevenueRetentionPct())).isEqualByComparingTo("133.33");
        assertThat(cents(smb.metrics().grossRevenueRetentionPct())).isEqualByComparingTo("66.67");
        assertThat(smb.metrics().quickRatio()).isEqualByComparingTo("2");
        assertThat(smb.metrics().arr()).isEqualByComparingTo("4800");
        // ent has no starting cohort: both retentions undefined, the quick ratio is 110 / 60
        assertThat(ent.metrics().netRevenueRetentionPct()).isNull();
        assertThat(ent.metrics().grossRevenueRetentionPct()).isNull();
        assertThat(cents(ent.metrics().quickRatio())).isEqualByComparingTo("1.83");
        assertThat(ent.metrics().arr()).isEqualByComparingTo("600");
    }

    /** Losses after a reactivation count again: GRR sums every loss of the cohort in the window. */
    @Test
    void grossRetentionCountsEveryLossOfTheCohortEvenAfterAReactivation() {
        WindowMetrics m = report(dataset()
                .holds("x", "A", "100", "2024-01-01", "2025-03-01")
                .holds("x", "A", "100", "2025-05-01", "2025-08-01")
                .holds("y", "A", "100", "2024-01-01"), null).metrics();

        assertThat(m.churnMrr()).isEqualByComparingTo("-200");
        assertThat(m.grossRevenueRetentionPct()).isEqualByComparingTo("0");
        assertThat(m.netRevenueRetentionPct()).isEqualByComparingTo("50");
        assertThat(m.quickRatio()).isEqualByComparingTo("0.5");
    }

    @Test
    void zeroDenominatorsAreNullAndArrOfNothingIsZero() {
        WindowMetrics empty = report(dataset().holds("a", "A", "100", "2027-01-01"), null).metrics();
        assertThat(empty.netRevenueRetentionPct()).isNull();
        assertThat(empty.grossRevenueRetentionPct()).isNull();
        assertThat(empty.quickRatio()).isNull();
        assertThat(empty.arr()).isEqualByComparingTo("0");

        WindowMetrics noLoss = report(dataset().holds("a", "A", "100", "2024-01-01")
                .holds("a", "A", "50", "2025-02-01"), null).metrics();
        assertThat(noLoss.quickRatio()).isNull();
        assertThat(noLoss.netRevenueRetentionPct()).isEqualByComparingTo("150");
        assertThat(noLoss.grossRevenueRetentionPct()).isEqualByComparingTo("100");
    }
}
