package io.xsell.core.metrics;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.benchmark.BenchmarkStage;
import io.xsell.core.benchmark.BenchmarkVerdict;
import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.model.LineKind;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CrossSellCalculatorTest {
    private static final Window YEAR_2025 = Window.of("2025-01-01", "2026-01-01");

    private static CrossSellReport report(TenantDatasetFixture fixture, Window window, String segmentBy) {
        return CrossSellCalculator.report(MrrLedger.of(fixture.build()), window, segmentBy);
    }

    private static BigDecimal cents(BigDecimal value) {
        return Decimals.present(value);
    }

    /** The seed's worked example: 880,000 starting MRR, 89,000 cross-sold over 12 months. */
    @Test
    void workedExampleFromTheSeed() {
        TenantDatasetFixture data = dataset().product("core", "core", LineKind.CORE)
                .product("B", "product_b", LineKind.MODULE).product("C", "product_c", LineKind.MODULE)
                .product("addon", "add_on", LineKind.ADD_ON);
        for (int i = 0; i < 88; i++) {
            data.holds("c" + i, "core", "10000", "2024-01-01");
        }
        data.holds("c0", "B", "21000", "2025-03-01").holds("c1", "B", "21000", "2025-07-01")
                .holds("c2", "C", "28000", "2025-05-01")
                .holds("c3", "addon", "9500", "2025-02-01").holds("c4", "addon", "9500", "2025-11-30");

        CrossSellReport report = report(data, YEAR_2025, null);
        WindowMetrics m = report.metrics();

        assertThat(m.startingMrr()).isEqualByComparingTo("880000");
        assertThat(m.cohortCrossSellMrr()).isEqualByComparingTo("89000");
        assertThat(cents(m.crossSellRatePct())).isEqualByComparingTo("10.11");
        assertThat(cents(m.annualizedCrossSellRatePct())).isEqualByComparingTo("10.11");
        assertThat(report.byProductLine()).extracting(ProductLineMetrics::productLine)
                .containsExactly("product_b", "product_c", "add_on", "core");
        assertThat(report.byProductLine()).extracting(l -> cents(l.shareOfCrossSellPct()))
                .containsExactly(new BigDecimal("47.19"), new BigDecimal("31.46"), new BigDecimal("21.35"), new BigDecimal("0.00"));
        assertThat(report.byProductLine().get(0).attaches()).isEqualTo(2);
    }

    @Test
    void aCustomerAcquiredInsideTheWindowCountsInCrossSellButNotInTheCohort() {
        CrossSellReport report = report(dataset()
                .holds("old", "A", "100", "2024-06-01").holds("old", "B", "10", "2025-04-01")
                .holds("new", "A", "100", "2025-02-01").holds("new", "B", "30", "2025-05-01"), YEAR_2025, null);
        WindowMetrics m = report.metrics();

        assertThat(m.crossSellMrr()).isEqualByComparingTo("40");
        assertThat(m.cohortCrossSellMrr()).isEqualByComparingTo("10");
        assertThat(m.startingCustomers()).isEqualTo(1);
        assertThat(m.endingCustomers()).isEqualTo(2);
        assertThat(m.crossSellAttaches()).isEqualTo(2);
        assertThat(m.attachmentRate()).isEqualByComparingTo("1");
        assertThat(m.customerCrossSellRatePct()).isEqualByComparingTo("100");
        assertThat(m.rpaCrossSell()).isEqualByComparingTo("10");
        assertThat(m.crossSellRatePct()).isEqualByComparingTo("10");
        assertThat(m.newBusinessMrr()).isEqualByComparingTo("100");
    }

    /**
     * a: A 100 all year, upsell to 150 in March, cross-sells B 50 (bundle) in June.
     * b: A 200 + C 40; drops C in April (line churn), contracts A to 150 in May.
     * c: A 80, churns in August.
     * d: new in September with A 120.
     */
    static TenantDatasetFixture smallBase() {
        return dataset()
                .holds("a", "A", "100", "2024-01-01", "2025-03-01").holds("a", "A", "150", "2025-03-01")
                .item("a", "B", b -> b.unitAmount("50").start("2025-06-01").bundle("suite"))
                .holds("b", "A", "200", "2024-05-01", "2025-05-01").holds("b", "A", "150", "2025-05-01")
                .holds("b", "C", "40", "2024-05-01", "2025-04-01")
                .holds("c", "A", "80", "2024-02-01", "2025-08-01")
                .holds("d", "A", "120", "2025-09-01");
    }

    @Test
    void everyWindowFieldOnASmallBase() {
        CrossSellReport report = report(smallBase().charge("a", "500", "2025-06-01"), YEAR_2025, null);
        WindowMetrics m = report.metrics();

        assertThat(m.startingMrr()).isEqualByComparingTo("420");
        assertThat(m.endingMrr()).isEqualByComparingTo("470");
        assertThat(m.startingCustomers()).isEqualTo(3);
        assertThat(m.endingCustomers()).isEqualTo(3);
        assertThat(m.newBusinessMrr()).isEqualByComparingTo("120");
        assertThat(m.reactivationMrr()).isEqualByComparingTo("0");
        assertThat(m.upsellMrr()).isEqualByComparingTo("50");
        assertThat(m.crossSellMrr()).isEqualByComparingTo("50");
        assertThat(m.bundleCrossSellMrr()).isEqualByComparingTo("50");
        assertThat(m.standaloneCrossSellMrr()).isEqualByComparingTo("0");
        assertThat(m.contractionMrr()).isEqualByComparingTo("-50");
        assertThat(m.lineChurnMrr()).isEqualByComparingTo("-40");
        assertThat(m.churnMrr()).isEqualByComparingTo("-80");
        assertThat(m.expansionMrr()).isEqualByComparingTo("100");
        assertThat(m.crossSellShareOfExpansionPct()).isEqualByComparingTo("50");
        assertThat(cents(m.crossSellRatePct())).isEqualByComparingTo("11.90");
        assertThat(cents(m.customerCrossSellRatePct())).isEqualByComparingTo("33.33");
        assertThat(cents(m.rpaCrossSell())).isEqualByComparingTo("16.67");
        assertThat(cents(m.attachmentRate())).isEqualByComparingTo("0.33");
        assertThat(cents(m.productsPerCustomer())).isEqualByComparingTo("1.33");
        assertThat(m.netMrrChange()).isEqualByComparingTo("50");
        assertThat(m.sumOfMovements()).isEqualByComparingTo(m.netMrrChange());
        // the starting cohort (a, b, c) went from 420 to 350
        assertThat(m.incrementalRevenue()).isEqualByComparingTo("-70");
        assertThat(m.oneTimeRevenue()).isEqualByComparingTo("500");

        ProductLineMetrics lineA = report.byProductLine().stream().filter(l -> l.productLine().equals("A")).findFirst().orElseThrow();
        assertThat(lineA.holders()).isEqualTo(3);
        assertThat(lineA.penetrationPct()).isEqualByComparingTo("100");
        assertThat(lineA.upsellMrr()).isEqualByComparingTo("50");
        ProductLineMetrics lineC = report.byProductLine().stream().filter(l -> l.productLine().equals("C")).findFirst().orElseThrow();
        assertThat(lineC.lineChurnMrr()).isEqualByComparingTo("-40");
        assertThat(lineC.penetrationPct()).isEqualByComparingTo("0");
    }

    @Test
    void annualizedRateScalesAShortWindowToAYear() {
        CrossSellReport report = report(dataset().holds("a", "A", "100", "2024-01-01").holds("a", "B", "5", "2025-03-10"),
                Window.of("2025-03-01", "2025-04-01"), null);
        assertThat(report.metrics().crossSellRatePct()).isEqualByComparingTo("5");
        // 5 % * 365 / 31
        assertThat(cents(report.metrics().annualizedCrossSellRatePct())).isEqualByComparingTo("58.87");
    }

    @Test
    void ratiosWithAZeroDenominatorAreNull() {
        CrossSellReport report = report(dataset().holds("a", "A", "100", "2025-03-01"), YEAR_2025, null);
        WindowMetrics m = report.metrics();
        assertThat(m.startingCustomers()).isZero();
        assertThat(m.crossSellRatePct()).isNull();
        assertThat(m.annualizedCrossSellRatePct()).isNull();
        assertThat(m.customerCrossSellRatePct()).isNull();
        assertThat(m.rpaCrossSell()).isNull();
        assertThat(m.attachmentRate()).isNull();
        assertThat(m.crossSellShareOfExpansionPct()).isNull();
        assertThat(m.productsPerCustomer()).isEqualByComparingTo("1");
        assertThat(report.byProductLine().get(0).shareOfCrossSellPct()).isNull();
        assertThat(report.benchmark().stage()).isEqualTo(BenchmarkStage.SINGLE_PRODUCT);
        assertThat(report.benchmark().verdict()).isNull();
    }

    @Test
    void anEmptyBaseHasNoStageAndNoRatios() {
        CrossSellReport report = report(dataset().customer("nobody"), YEAR_2025, null);
        assertThat(report.metrics().productsPerCustomer()).isNull();
        assertThat(report.metrics().startingMrr()).isEqualByComparingTo("0");
        assertThat(report.benchmark().stage()).isNull();
        assertThat(report.benchmark().verdict()).isNull();
    }

    @Test
    void benchmarkReadsStageFromProductsPerCustomerAndVerdictFromTheAnnualizedRate() {
        // two customers with two lines each at the end: scale stage (2.0); rate 125/500 = 25 % -> above healthy
        CrossSellReport report = report(dataset()
                .holds("a", "A", "250", "2024-01-01").holds("a", "B", "100", "2025-02-01")
                .holds("b", "A", "250", "2024-01-01").holds("b", "C", "25", "2025-02-01"), YEAR_2025, null);
        assertThat(report.benchmark().stage()).isEqualTo(BenchmarkStage.SCALE_MULTI_PRODUCT);
        assertThat(report.benchmark().verdict()).isEqualTo(BenchmarkVerdict.ABOVE_HEALTHY);
    }

    @Test
    void segmentsPartitionTheBaseAndCustomersWithoutTheAttributeFormTheirOwnSegment() {
        CrossSellReport report = report(dataset()
                .customer("a", "segment", "smb").customer("b", "segment", "enterprise").customer("c")
                .holds("a", "A", "100", "2024-01-01").holds("a", "B", "10", "2025-04-01")
                .holds("b", "A", "1000", "2024-01-01").holds("b", "B", "200", "2025-06-01")
                .holds("c", "A", "50", "2024-01-01"), YEAR_2025, "segment");

        assertThat(report.segmentBy()).isEqualTo("segment");
        assertThat(report.bySegment()).extracting(SegmentMetrics::segment).containsExactly("enterprise", "smb", null);
        SegmentMetrics smb = report.bySegment().get(1);
        assertThat(smb.metrics().startingMrr()).isEqualByComparingTo("100");
        assertThat(smb.metrics().crossSellRatePct()).isEqualByComparingTo("10");
        assertThat(smb.byProductLine()).filteredOn(l -> l.productLine().equals("B"))
                .extracting(ProductLineMetrics::penetrationPct).containsExactly(new BigDecimal("100"));
        SegmentMetrics none = report.bySegment().get(2);
        assertThat(none.byProductLine()).filteredOn(l -> l.productLine().equals("B"))
                .extracting(l -> l.penetrationPct().signum()).containsExactly(0);
        BigDecimal sum = report.bySegment().stream().map(s -> s.metrics().crossSellMrr()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(report.metrics().crossSellMrr());
    }

    /** Callers that compute several figures in one pass (the insights) feed tallies themselves. */
    @Test
    void talliesFedCustomerByCustomerAndMergedGiveTheReport() {
        MrrLedger ledger = MrrLedger.of(dataset()
                .customer("a", "segment", "smb").customer("b", "segment", "enterprise").customer("c")
                .holds("a", "A", "100", "2024-01-01").holds("a", "B", "10", "2025-04-01")
                .holds("b", "A", "1000", "2024-01-01").holds("b", "B", "200", "2025-06-01")
                .holds("c", "A", "50", "2024-01-01", "2025-08-01").build());
        CrossSellCalculator.Tally first = CrossSellCalculator.tally(ledger, YEAR_2025, "segment");
        CrossSellCalculator.Tally second = CrossSellCalculator.tally(ledger, YEAR_2025, "segment");
        first.add(0, ledger.timeline(0));
        second.add(1, ledger.timeline(1));
        second.add(2, ledger.timeline(2));

        CrossSellReport merged = first.merge(second).report();

        assertThat(merged).usingRecursiveComparison().isEqualTo(CrossSellCalculator.report(ledger, YEAR_2025, "segment"));
        assertThat(merged.metrics().startingCustomers()).isEqualTo(3);
        assertThat(merged.bySegment()).hasSize(3);
        assertThatThrownBy(() -> CrossSellCalculator.tally(ledger, YEAR_2025, "industry"))
                .isInstanceOf(UnknownAttributeException.class);
    }

    @Test
    void segmentingOnAnAttributeNoCustomerHasIsAnError() {
        assertThatThrownBy(() -> report(dataset().customer("a", "segment", "smb").holds("a", "A", "1", "2024-01-01"),
                YEAR_2025, "industry"))
                .isInstanceOf(UnknownAttributeException.class)
                .hasMessageContaining("industry").hasMessageContaining("segment");
    }

    @Test
    void oneTimeChargesAreNeverMrr() {
        CrossSellReport report = report(dataset().holds("a", "A", "100", "2024-01-01").charge("a", "2500", "2025-02-01"),
                YEAR_2025, null);
        assertThat(report.metrics().endingMrr()).isEqualByComparingTo("100");
        assertThat(report.metrics().netMrrChange()).isEqualByComparingTo("0");
        assertThat(report.metrics().oneTimeRevenue()).isEqualByComparingTo("2500");
    }
}
