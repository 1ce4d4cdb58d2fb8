package io.xsell.core.insights;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.LineKind;
import io.xsell.core.mrr.MrrLedger;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One dataset that fires each rule (evidence computed by hand in the comments) and one just on
 * the other side of its threshold. Each test looks only at the rule under test: the small
 * datasets trip other rules too, and those have their own tests.
 */
class InsightEngineTest {
    private static final Window YEAR_2025 = Window.of("2025-01-01", "2026-01-01");

    private static TenantDatasetFixture lines() {
        return dataset().product("core", "core", LineKind.CORE)
                .product("B", "b", LineKind.MODULE).product("C", "c", LineKind.MODULE);
    }

    private static List<Insight> run(TenantDatasetFixture data, Window window, String segmentBy) {
        return InsightEngine.insights(MrrLedger.of(data.build()), window, segmentBy);
    }

    private static List<Insight> fired(List<Insight> insights, String rule) {
        return insights.stream().filter(i -> i.rule().equals(rule)).toList();
    }

    private static void assertEvidence(Insight insight, Object... namesAndValues) {
        assertThat(insight.evidence().keySet()).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, namesAndValues.length / 2)
                        .mapToObj(i -> (String) namesAndValues[2 * i]).toList());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object expected = namesAndValues[i + 1];
            Object actual = insight.evidence().get(name);
            if (expected instanceof String s && actual instanceof BigDecimal d) {
                assertThat(d).as(name).isEqualByComparingTo(s);
            } else {
                assertThat(actual).as(name).isEqualTo(expected);
            }
        }
    }

    /*
     * c1: core 100 since 2024, cross-sells B 70 on 2025-03-01; c2: core 100, cross-sells C 30 on
     * 2025-04-01. Cross-sell MRR 100; B carries 70 / 100 = 70.00 % > 60 %.
     */
    @Test
    void firesWhenOneLineCarriesMoreThanSixtyPercent() {
        List<Insight> out = fired(run(lines()
                .holds("c1", "core", "100", "2024-01-01").holds("c1", "B", "70", "2025-03-01")
                .holds("c2", "core", "100", "2024-01-01").holds("c2", "C", "30", "2025-04-01"),
                YEAR_2025, null), InsightEngine.LINE_CONCENTRATION);

        assertThat(out).hasSize(1);
        Insight insight = out.get(0);
        assertThat(insight.severity()).isEqualTo(Severity.WARNING);
        assertThat(insight.subject()).isEqualTo("b");
        assertThat(insight.recommendation()).contains("b carries 70.00 %");
        assertEvidence(insight, "product_line", "b", "line_cross_sell_mrr", "70",
                "cross_sell_mrr", "100", "share_of_cross_sell_pct", "70");
    }

    /* B 60, C 40: B's share is exactly 60.00 %, not above it. */
    @Test
    void silentAtExactlySixtyPercent() {
        assertThat(fired(run(lines()
                .holds("c1", "core", "100", "2024-01-01").holds("c1", "B", "60", "2025-03-01")
                .holds("c2", "core", "100", "2024-01-01").holds("c2", "C", "40", "2025-04-01"),
                YEAR_2025, null), InsightEngine.LINE_CONCENTRATION)).isEmpty();
    }

    /** {@code size} customers of {@code tier} on core since 2024, the first {@code holdingB} also on B. */
    private TenantDatasetFixture tier(TenantDatasetFixture data, String tier, int size, int holdingB) {
        for (int i = 0; i < size; i++) {
            String id = tier + i;
            data.customer(id, "tier", tier).holds(id, "core", "100", "2024-01-01");
            if (i < holdingB) {
                data.holds(id, "B", "10", "2024-01-01");
            }
        }
        return data;
    }

    /*
     * ent: 30 active, 18 hold B -> 60.00 %; smb: 30 active, 8 hold B -> 26.67 % < 60.00 / 2.
     * core is 100 % in both, so only b fires.
     */
    @Test
    void firesWhenASegmentIsUnderHalfTheBestSegment() {
        TenantDatasetFixture data = tier(tier(lines(), "ent", 30, 18), "smb", 30, 8);
        List<Insight> out = fired(run(data, YEAR_2025, "tier"), InsightEngine.SEGMENT_PENETRATION_GAP);

        assertThat(out).hasSize(1);
        Insight insight = out.get(0);
        assertThat(insight.severity()).isEqualTo(Severity.INFO);
        assertThat(insight.subject()).isEqualTo("b/smb");
        assertEvidence(insight, "product_line", "b", "segment_by", "tier", "segment", "smb",
                "segment_active_customers", "30", "segment_penetration_pct", "26.67",
                "best_segment", "ent", "best_segment_active_customers", "30",
                "best_segment_penetration_pct", "60");
    }

    /* smb: 9 of 30 hold B -> 30.00 %, exactly half of 60.00 %: not under half. */
    @Test
    void segmentGapSilentAtExactlyHalf() {
        TenantDatasetFixture data = tier(tier(lines(), "ent", 30, 18), "smb", 30, 9);
        assertThat(fired(run(data, YEAR_2025, "tier"), InsightEngine.SEGMENT_PENETRATION_GAP)).isEmpty();
    }

    /* smb: 5 of 29 hold B -> 17.24 %, far under half, but 29 customers is below the minimum of 30. */
    @Test
    void silentWhenASegmentHasFewerThanThirtyCustomers() {
        TenantDatasetFixture data = tier(tier(lines(), "ent", 30, 18), "smb", 29, 5);
        assertThat(fired(run(data, YEAR_2025, "tier"), InsightEngine.SEGMENT_PENETRATION_GAP)).isEmpty();
    }

    @Test
    void doesNotRunWithoutSegmentation() {
        TenantDatasetFixture data = tier(tier(lines(), "ent", 30, 18), "smb", 30, 8);
        assertThat(fired(run(data, YEAR_2025, null), InsightEngine.SEGMENT_PENETRATION_GAP)).isEmpty();
    }

    /* 13 months: January 2025 has its 12 follow-up month ends (up to 2026-01-31) inside the window. */
    private static final Window THIRTEEN_MONTHS = Window.of("2025-01-01", "2026-02-01");

    private TenantDatasetFixture cohort(String attachedChurnEnd) {
        TenantDatasetFixture data = lines()
                .holds("a1", "core", "100", "2024-01-01").holds("a1", "B", "20", "2025-01-15")
                .holds("s1", "core", "100", "2024-01-01")
                .holds("s2", "core", "100", "2024-01-01");
        return attachedChurnEnd == null
                ? data.holds("a2", "core", "100", "2024-01-01").holds("a2", "B", "20", "2025-01-15")
                : data.holds("a2", "core", "100", "2024-01-01", attachedChurnEnd)
                        .holds("a2", "B", "20", "2025-01-15", attachedChurnEnd);
    }

    /*
     * Cohort January 2025: attached a1, a2 (cross-sell B on 01-15); single-line s1, s2.
     * a2 churns on 2025-06-01. At 12 months (2026-01-31): attached 1/2 = 50.00 %, single-line
     * 2/2 = 100.00 %; a1 still holds B, so line retention 1/2 = 50.00 %; gap 50.00 points.
     */
    @Test
    void firesWhenAttachedRetainWorse() {
        List<Insight> out = fired(run(cohort("2025-06-01"), THIRTEEN_MONTHS, null),
                InsightEngine.ATTACHED_COHORT_RETENTION);

        assertThat(out).hasSize(1);
        Insight insight = out.get(0);
        assertThat(insight.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(insight.subject()).isNull();
        assertEvidence(insight, "cohort_month", "2025-01", "months_after", "12",
                "attached_customers", "2", "single_line_customers", "2",
                "attached_logo_retention_pct", "50", "single_line_logo_retention_pct", "100",
                "attached_line_retention_pct", "50", "retention_gap_pct", "50");
    }

    /* Nobody churns: 100.00 % against 100.00 %, equal is not worse. */
    @Test
    void silentWhenRetentionIsEqual() {
        assertThat(fired(run(cohort(null), THIRTEEN_MONTHS, null), InsightEngine.ATTACHED_COHORT_RETENTION))
                .isEmpty();
    }

    @Test
    void cohortMonthIsTheFirstFullMonthWhenTwelveMonthsFollowInsideTheWindow() {
        assertThat(InsightEngine.cohortMonth(THIRTEEN_MONTHS)).isEqualTo(YearMonth.of(2025, 1));
        assertThat(InsightEngine.followUpMonths(YearMonth.of(2025, 1), THIRTEEN_MONTHS)).isEqualTo(12);
        // From mid-month the first full month is the next one; it needs month ends up to 2026-02-28.
        Window midMonth = Window.of("2025-01-15", "2026-03-01");
        assertThat(InsightEngine.cohortMonth(midMonth)).isEqualTo(YearMonth.of(2025, 2));
    }

    @Test
    void cohortMonthFallsBackToTheLatestMonthWithThreeMonthsOfFollowUp() {
        // 12 months: January 2025 has only 11 follow-up months; December 2025 is the last complete
        // month, so September 2025 is the latest with 3 (October, November, December).
        assertThat(InsightEngine.cohortMonth(YEAR_2025)).isEqualTo(YearMonth.of(2025, 9));
        assertThat(InsightEngine.followUpMonths(YearMonth.of(2025, 9), YEAR_2025)).isEqualTo(3);
        // Ending mid-month: the last complete month is May, so February.
        assertThat(InsightEngine.cohortMonth(Window.of("2025-01-01", "2025-06-20")))
                .isEqualTo(YearMonth.of(2025, 2));
        // Three full months are too few: the fallback month would fall before the window.
        assertThat(InsightEngine.cohortMonth(Window.of("2025-01-01", "2025-04-01"))).isNull();
    }

    /*
     * Ten customers on core since 2023. Previous window [2024-01-02, 2025-01-01) (365 days
     * before 2025-01-01): c0 cross-sells B 100 on 2024-06-01. This window: c1 cross-sells B
     * {@code amount} on 2025-06-01, the day c0's B ends. Lines held on both end days: 11 / 10.
     */
    private TenantDatasetFixture flatData(String amount) {
        TenantDatasetFixture data = lines();
        for (int i = 0; i < 10; i++) {
            data.holds("c" + i, "core", "100", "2023-01-01");
        }
        return data.holds("c0", "B", "100", "2024-06-01", "2025-06-01").holds("c1", "B", amount, "2025-06-01");
    }

    /* 100 -> 120: +20.00 % > 10 %; products per customer 1.10 -> 1.10, change 0.00 < 0.05. */
    @Test
    void firesWhenCrossSellGrowsAndProductsPerCustomerIsFlat() {
        List<Insight> out = fired(run(flatData("120"), YEAR_2025, null), InsightEngine.CROSS_SELL_WITHOUT_BREADTH);

        assertThat(out).hasSize(1);
        Insight insight = out.get(0);
        assertThat(insight.severity()).isEqualTo(Severity.WARNING);
        assertEvidence(insight, "previous_from", "2024-01-02", "previous_cross_sell_mrr", "100",
                "cross_sell_mrr", "120", "cross_sell_mrr_growth_pct", "20",
                "previous_products_per_customer", "1.1", "products_per_customer", "1.1",
                "products_per_customer_change", "0");
    }

    /* 100 -> 110: +10.00 % is not more than 10 %. */
    @Test
    void silentAtExactlyTenPercentGrowth() {
        assertThat(fired(run(flatData("110"), YEAR_2025, null), InsightEngine.CROSS_SELL_WITHOUT_BREADTH))
                .isEmpty();
    }

    /* c0 keeps B: products per customer 1.10 -> 1.20, a change of 0.10, not flat. */
    @Test
    void silentWhenProductsPerCustomerMoves() {
        TenantDatasetFixture data = lines();
        for (int i = 0; i < 10; i++) {
            data.holds("c" + i, "core", "100", "2023-01-01");
        }
        data.holds("c0", "B", "100", "2024-06-01").holds("c1", "B", "120", "2025-06-01");
        assertThat(fired(run(data, YEAR_2025, null), InsightEngine.CROSS_SELL_WITHOUT_BREADTH)).isEmpty();
    }

    private TenantDatasetFixture bundleData(String bundled, String standalone) {
        return lines()
                .holds("c1", "core", "100", "2024-01-01")
                .item("c1", "B", b -> b.unitAmount(bundled).start("2025-03-01").bundle("suite"))
                .holds("c2", "core", "100", "2024-01-01").holds("c2", "C", standalone, "2025-04-01");
    }

    /* Bundle-driven 60 of 100 cross-sell MRR: 60.00 % > 50 %. */
    @Test
    void firesAboveHalf() {
        List<Insight> out = fired(run(bundleData("60", "40"), YEAR_2025, null), InsightEngine.BUNDLE_DEPENDENCE);

        assertThat(out).hasSize(1);
        assertThat(out.get(0).severity()).isEqualTo(Severity.INFO);
        assertEvidence(out.get(0), "bundle_cross_sell_mrr", "60", "standalone_cross_sell_mrr", "40",
                "cross_sell_mrr", "100", "bundle_share_pct", "60");
    }

    /* 50 of 100: exactly half is not above it. */
    @Test
    void bundleSilentAtExactlyHalf() {
        assertThat(fired(run(bundleData("50", "50"), YEAR_2025, null), InsightEngine.BUNDLE_DEPENDENCE)).isEmpty();
    }

    /*
     * Ten customers on core 100 since 2024; c0 and c1 also on B 50 since 2024: starting MRR 1,100.
     * c2 cross-sells B {@code amount} on 2025-06-01. Lines on 2025-12-31: 13 / 10 = 1.30, Series B
     * (healthy 3-10 %). Window of 365 days, so annualized = rate.
     */
    private TenantDatasetFixture belowData(String amount) {
        TenantDatasetFixture data = lines();
        for (int i = 0; i < 10; i++) {
            data.holds("c" + i, "core", "100", "2024-01-01");
        }
        return data.holds("c0", "B", "50", "2024-01-01").holds("c1", "B", "50", "2024-01-01")
                .holds("c2", "B", amount, "2025-06-01");
    }

    /* 22 / 1,100 = 2.00 % < 3 %. */
    @Test
    void firesBelowTheHealthyRange() {
        List<Insight> out = fired(run(belowData("22"), YEAR_2025, null),
                InsightEngine.CROSS_SELL_RATE_BELOW_BENCHMARK);

        assertThat(out).hasSize(1);
        assertThat(out.get(0).severity()).isEqualTo(Severity.WARNING);
        assertEvidence(out.get(0), "stage", "series_b_multi_product", "products_per_customer", "1.3",
                "annualized_cross_sell_rate_pct", "2", "healthy_low_pct", "3", "healthy_high_pct", "10");
    }

    /* 33 / 1,100 = 3.00 %: the bottom of the range is healthy. */
    @Test
    void silentAtTheBottomOfTheRange() {
        assertThat(fired(run(belowData("33"), YEAR_2025, null), InsightEngine.CROSS_SELL_RATE_BELOW_BENCHMARK))
                .isEmpty();
    }

    /*
     * c1 cross-sells B 70 through a bundle, c2 cross-sells C 30: line_concentration (warning)
     * and bundle_dependence (info, 70 %). Starting MRR 200, rate 50 % at 2.00 products per
     * customer (scale, 12-22 %): above the range, so no benchmark insight.
     */
    private TenantDatasetFixture twoRuleData() {
        return lines()
                .holds("c1", "core", "100", "2024-01-01")
                .item("c1", "B", b -> b.unitAmount("70").start("2025-03-01").bundle("suite"))
                .holds("c2", "core", "100", "2024-01-01").holds("c2", "C", "30", "2025-04-01");
    }

    @Test
    void sameInputSameOrderedList() {
        List<Insight> first = run(twoRuleData(), YEAR_2025, null);
        List<Insight> second = run(twoRuleData(), YEAR_2025, null);

        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(Insight::rule)
                .containsExactly(InsightEngine.LINE_CONCENTRATION, InsightEngine.BUNDLE_DEPENDENCE);
    }

    @Test
    void evidenceKeepsItsOrderAndRejectsOtherTypes() {
        Map<String, Object> evidence = new java.util.LinkedHashMap<>();
        evidence.put("z", "last");
        evidence.put("a", BigDecimal.ONE);
        Insight insight = new Insight("r", Severity.INFO, null, "t", evidence, "do it");
        assertThat(insight.evidence().keySet()).containsExactly("z", "a");

        evidence.put("n", 3);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Insight("r", Severity.INFO, null, "t", evidence, "do it"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
