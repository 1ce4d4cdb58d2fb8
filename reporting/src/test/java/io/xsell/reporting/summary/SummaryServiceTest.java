package io.xsell.reporting.summary;

import static io.xsell.core.mrr.Decimals.present;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.metrics.Window;
import io.xsell.core.metrics.WindowMetrics;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.port.in.PenetrationQuery;
import io.xsell.core.service.MetricsService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryServiceTest {
    private final MetricsService metrics = SummaryFixture.metrics();
    private final Summary summary = SummaryFixture.service(metrics).summarize(SummaryFixture.marchRequest());

    private CrossSellReport report(Window window, String segmentBy) {
        return metrics.crossSellReport(new CrossSellReportQuery(SummaryFixture.TENANT, window, segmentBy));
    }

    @Test
    void headlinesAreTheCrossSellReportsFiguresAsPresentedForThePeriodAndThePreviousMonth() {
        WindowMetrics march = report(SummaryFixture.MARCH, null).metrics();
        WindowMetrics february = report(Window.of("2026-02-01", "2026-03-01"), null).metrics();
        HeadlineSection headlines = summary.headlines();

        assertThat(summary.previousPeriod()).isEqualTo(Window.of("2026-02-01", "2026-03-01"));
        assertThat(headlines.headlines()).extracting(Headline::field).containsExactly("cross_sell_mrr",
                "cross_sell_rate_pct", "customer_cross_sell_rate_pct", "attachment_rate", "products_per_customer",
                "expansion_mrr", "upsell_mrr", "cross_sell_share_of_expansion_pct", "arr", "net_revenue_retention_pct",
                "gross_revenue_retention_pct", "quick_ratio");
        assertThat(headlines.get("arr").orElseThrow().current()).isEqualTo(present(march.arr()));
        assertThat(headlines.get("net_revenue_retention_pct").orElseThrow().current())
                .isEqualTo(present(march.netRevenueRetentionPct()));
        assertThat(headlines.get("gross_revenue_retention_pct").orElseThrow().previous())
                .isEqualTo(present(february.grossRevenueRetentionPct()));
        assertThat(headlines.get("quick_ratio").orElseThrow().current()).isEqualTo(present(march.quickRatio()));
        Headline crossSell = headlines.get("cross_sell_mrr").orElseThrow();
        assertThat(crossSell.current()).isEqualTo(present(march.crossSellMrr()));
        assertThat(crossSell.current()).isEqualTo(new BigDecimal("2001.20"));
        assertThat(crossSell.previous()).isEqualTo(new BigDecimal("345.67"));
        assertThat(crossSell.change()).isEqualTo(new BigDecimal("1655.53"));
        assertThat(headlines.get("cross_sell_rate_pct").orElseThrow().current()).isEqualTo(present(march.crossSellRatePct()));
        assertThat(headlines.get("customer_cross_sell_rate_pct").orElseThrow().previous())
                .isEqualTo(present(february.customerCrossSellRatePct()));
        assertThat(headlines.get("attachment_rate").orElseThrow().current()).isEqualTo(present(march.attachmentRate()));
        assertThat(headlines.get("products_per_customer").orElseThrow().current())
                .isEqualTo(present(march.productsPerCustomer()));
        assertThat(headlines.get("expansion_mrr").orElseThrow().current()).isEqualTo(present(march.expansionMrr()));
        assertThat(headlines.get("upsell_mrr").orElseThrow().current()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void theWaterfallAddsUpAndEqualsTheWindowMetrics() {
        WindowMetrics march = report(SummaryFixture.MARCH, null).metrics();
        WaterfallSection waterfall = section(WaterfallSection.class).orElseThrow();
        assertThat(waterfall.startingMrr()).isEqualTo(present(march.startingMrr()));
        assertThat(waterfall.endingMrr()).isEqualTo(present(march.endingMrr()));
        assertThat(waterfall.steps()).extracting(WaterfallSection.Step::field).containsExactly("new_business_mrr",
                "reactivation_mrr", "cross_sell_mrr", "upsell_mrr", "contraction_mrr", "line_churn_mrr", "churn_mrr");
        assertThat(waterfall.steps().get(4).amount()).isEqualTo(new BigDecimal("-1234.56"));
        assertThat(waterfall.steps().get(6).amount()).isEqualTo(new BigDecimal("-555.55"));
        BigDecimal sum = waterfall.steps().stream().map(WaterfallSection.Step::amount).reduce(waterfall.startingMrr(),
                BigDecimal::add);
        assertThat(sum).isEqualTo(waterfall.endingMrr());
    }

    @Test
    void linesSegmentsTrajectoryBenchmarkAndInsightsComeFromTheSameReport() {
        CrossSellReport segmented = report(SummaryFixture.MARCH, "segment");
        ProductLineSection lines = section(ProductLineSection.class).orElseThrow();
        assertThat(lines.lines()).extracting(ProductLineSection.Line::productLine)
                .containsExactlyElementsOf(segmented.byProductLine().stream().map(l -> l.productLine()).toList());
        assertThat(lines.lines().get(0).crossSellMrr()).isEqualTo(present(segmented.byProductLine().get(0).crossSellMrr()));

        SegmentPenetrationSection segments = section(SegmentPenetrationSection.class).orElseThrow();
        assertThat(segments.segmentBy()).isEqualTo("segment");
        assertThat(segments.segments()).extracting(SegmentPenetrationSection.Segment::segment)
                .containsExactly("enterprise", "smb");

        TrajectorySection trajectory = section(TrajectorySection.class).orElseThrow();
        assertThat(trajectory.points()).hasSize(12);
        var last = trajectory.points().get(11);
        var penetration = metrics.penetration(new PenetrationQuery(SummaryFixture.TENANT, last.day()));
        assertThat(last.day()).isEqualTo(SummaryFixture.MARCH.to().minusDays(1));
        assertThat(last.productsPerCustomer()).isEqualTo(present(penetration.productsPerCustomer()));
        assertThat(last.productsPerCustomer()).isEqualTo(present(segmented.metrics().productsPerCustomer()));

        BenchmarkSection benchmark = section(BenchmarkSection.class).orElseThrow();
        assertThat(benchmark.stage()).isEqualTo(segmented.benchmark().stage().code());
        assertThat(benchmark.verdict()).isEqualTo(segmented.benchmark().verdict().code());

        assertThat(summary.sections()).extracting(SummarySection::id).containsExactly("headlines", "mrr_trend", "waterfall",
                "product_lines", "segment_penetration", "trajectory", "benchmark", "insights");
    }

    @Test
    void aTenantWhoseCustomersLackTheSegmentAttributeGetsEveryOtherSection() {
        SummaryRequest request = new SummaryRequest(SummaryFixture.TENANT, "Acme", null, SummaryFixture.MARCH, "region");
        Summary other = SummaryFixture.service(metrics).summarize(request);
        assertThat(other.sections()).extracting(SummarySection::id).containsExactly("headlines", "mrr_trend", "waterfall",
                "product_lines", "trajectory", "benchmark", "insights");
        // a free window is compared with the window of the same length before it
        assertThat(other.previousPeriod()).isEqualTo(Window.of("2026-01-29", "2026-03-01"));
    }

    @Test
    void aSectionCanBeAppended() {
        record Extra(String id, String title) implements SummarySection {
        }
        Summary extended = SummaryFixture.service(metrics)
                .withSection(context -> Optional.of(new Extra("extra", "Extra " + context.current().currency())))
                .summarize(SummaryFixture.marchRequest());
        List<SummarySection> sections = extended.sections();
        assertThat(sections.get(sections.size() - 1).title()).isEqualTo("Extra USD");
    }

    private <T extends SummarySection> Optional<T> section(Class<T> type) {
        return summary.sections().stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
