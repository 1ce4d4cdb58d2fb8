package io.xsell.reporting.summary;

import static io.xsell.core.mrr.Decimals.present;

import io.xsell.core.analytics.ProductsPerCustomerTrajectory;
import io.xsell.core.benchmark.Benchmark;
import io.xsell.core.insights.Insight;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.metrics.PenetrationReport;
import io.xsell.core.metrics.PeriodMovements;
import io.xsell.core.metrics.ProductLineMetrics;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.metrics.SegmentMetrics;
import io.xsell.core.metrics.Window;
import io.xsell.core.metrics.WindowMetrics;
import io.xsell.core.movement.MovementType;
import io.xsell.core.port.in.MovementSeriesQuery;
import io.xsell.core.port.in.PenetrationQuery;
import io.xsell.core.port.in.SummaryAnalyticsQuery;
import io.xsell.reporting.summary.Headline.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The sections every summary has, in reading order; each reads only its {@link SummaryContext}. */
final class StandardSections {
    /** Insights shown; the rest are counted. */
    static final int TOP_INSIGHTS = 5;
    /** Months of products-per-customer history, ending with the period. */
    static final int TRAJECTORY_MONTHS = 12;

    private StandardSections() {
    }

    static Optional<SummarySection> headlines(SummaryContext context) {
        WindowMetrics now = context.current().metrics();
        WindowMetrics before = context.previous().metrics();
        List<Headline> headlines = new ArrayList<>();
        add(headlines, "cross_sell_mrr", "Cross-sell MRR", Unit.MONEY, WindowMetrics::crossSellMrr, now, before);
        add(headlines, "cross_sell_rate_pct", "Cross-sell rate", Unit.PERCENT, WindowMetrics::crossSellRatePct, now, before);
        add(headlines, "customer_cross_sell_rate_pct", "Customer cross-sell rate", Unit.PERCENT,
                WindowMetrics::customerCrossSellRatePct, now, before);
        add(headlines, "attachment_rate", "Attachment rate", Unit.RATIO, WindowMetrics::attachmentRate, now, before);
        add(headlines, "products_per_customer", "Products per customer", Unit.RATIO,
                WindowMetrics::productsPerCustomer, now, before);
        add(headlines, "expansion_mrr", "Expansion MRR", Unit.MONEY, WindowMetrics::expansionMrr, now, before);
        add(headlines, "upsell_mrr", "of which upsell MRR", Unit.MONEY, WindowMetrics::upsellMrr, now, before);
        add(headlines, "cross_sell_share_of_expansion_pct", "Cross-sell share of expansion", Unit.PERCENT,
                WindowMetrics::crossSellShareOfExpansionPct, now, before);
        add(headlines, "arr", "ARR", Unit.MONEY, WindowMetrics::arr, now, before);
        add(headlines, "net_revenue_retention_pct", "Net revenue retention", Unit.PERCENT,
                WindowMetrics::netRevenueRetentionPct, now, before);
        add(headlines, "gross_revenue_retention_pct", "Gross revenue retention", Unit.PERCENT,
                WindowMetrics::grossRevenueRetentionPct, now, before);
        add(headlines, "quick_ratio", "Quick ratio", Unit.RATIO, WindowMetrics::quickRatio, now, before);
        return Optional.of(new HeadlineSection(headlines));
    }

    private static void add(List<Headline> out, String field, String label, Unit unit,
                            Function<WindowMetrics, BigDecimal> figure, WindowMetrics now, WindowMetrics before) {
        out.add(Headline.of(field, label, unit, present(figure.apply(now)), present(figure.apply(before))));
    }

    /**
     * From the movement series, cut on the cadence's own periods (one period for a scheduled
     * summary; a free window is cut by month and summed before rounding, like the window metrics).
     */
    static Optional<SummarySection> waterfall(SummaryContext context) {
        SummaryRequest request = context.request();
        var granularity = request.cadence() == null ? io.xsell.core.metrics.Granularity.MONTH
                : request.cadence().granularity();
        List<PeriodMovements> series = context.movements().movementSeries(
                new MovementSeriesQuery(request.tenant(), request.period(), granularity));
        Map<MovementType, BigDecimal> sums = new EnumMap<>(MovementType.class);
        for (PeriodMovements period : series) {
            period.movements().forEach((type, amount) -> sums.merge(type, amount, BigDecimal::add));
        }
        List<WaterfallSection.Step> steps = new ArrayList<>();
        String[][] labels = {{"NEW_BUSINESS", "New business"}, {"REACTIVATION", "Reactivation"},
                {"CROSS_SELL", "Cross-sell"}, {"UPSELL", "Upsell"}, {"CONTRACTION", "Contraction"},
                {"LINE_CHURN", "Line churn"}, {"CHURN", "Churn"}};
        for (String[] label : labels) {
            MovementType type = MovementType.valueOf(label[0]);
            steps.add(new WaterfallSection.Step(type.code() + "_mrr", label[1],
                    present(sums.getOrDefault(type, BigDecimal.ZERO))));
        }
        return Optional.of(new WaterfallSection(present(series.get(0).startingMrr()), steps,
                present(series.get(series.size() - 1).endingMrr())));
    }

    /** Month ends of the twelve months up to the period's end, from the monthly movement series. */
    static Optional<SummarySection> mrrTrend(SummaryContext context) {
        SummaryRequest request = context.request();
        LocalDate end = request.period().to();
        List<PeriodMovements> series = context.movements().movementSeries(new MovementSeriesQuery(request.tenant(),
                new Window(end.minusMonths(TRAJECTORY_MONTHS), end), io.xsell.core.metrics.Granularity.MONTH));
        List<MrrTrendSection.Point> points = new ArrayList<>();
        for (PeriodMovements month : series) {
            points.add(new MrrTrendSection.Point(month.period().to().minusDays(1), present(month.endingMrr()),
                    present(month.endingMrr().multiply(BigDecimal.valueOf(12)))));
        }
        return Optional.of(new MrrTrendSection(points));
    }

    static Optional<SummarySection> productLines(SummaryContext context) {
        List<ProductLineSection.Line> lines = context.current().byProductLine().stream()
                .map(l -> line(l, context.names())).toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(new ProductLineSection(lines));
    }

    private static ProductLineSection.Line line(ProductLineMetrics l, DisplayNames names) {
        return new ProductLineSection.Line(names.line(l.productLine()), l.kind().code(), present(l.crossSellMrr()),
                present(l.shareOfCrossSellPct()), l.attaches(), l.holders(), present(l.penetrationPct()),
                present(l.upsellMrr()), present(l.lineChurnMrr()));
    }

    static Optional<SummarySection> segmentPenetration(SummaryContext context) {
        CrossSellReport report = context.current();
        if (report.segmentBy() == null || report.bySegment().isEmpty()) {
            return Optional.empty();
        }
        DisplayNames names = context.names();
        List<String> lines = report.byProductLine().stream().map(ProductLineMetrics::productLine).toList();
        List<SegmentPenetrationSection.Segment> segments = new ArrayList<>();
        for (SegmentMetrics s : report.bySegment()) {
            List<BigDecimal> penetration = new ArrayList<>();
            for (String line : lines) {
                penetration.add(s.byProductLine().stream().filter(l -> l.productLine().equals(line)).findFirst()
                        .map(l -> present(l.penetrationPct())).orElse(null));
            }
            segments.add(new SegmentPenetrationSection.Segment(
                    s.segment() == null ? "(none)" : names.segment(report.segmentBy(), s.segment()),
                    s.metrics().endingCustomers(), present(s.metrics().crossSellRatePct()),
                    present(s.metrics().productsPerCustomer()), penetration));
        }
        return Optional.of(new SegmentPenetrationSection(report.segmentBy(), lines.stream().map(names::line).toList(),
                segments));
    }

    /**
     * The month ends of the twelve months up to the period's end, then the period's last day
     * from the penetration use case (so the last point is {@code GET /v1/metrics/penetration} of
     * that day, also for a period that ends mid-month).
     */
    static Optional<SummarySection> trajectory(SummaryContext context) {
        SummaryRequest request = context.request();
        LocalDate end = request.period().to();
        Window trailing = new Window(end.minusMonths(TRAJECTORY_MONTHS), end);
        ProductsPerCustomerTrajectory trajectory = context.analytics().productsPerCustomerTrajectory(
                new SummaryAnalyticsQuery(request.tenant(), trailing, null));
        List<TrajectorySection.Point> points = new ArrayList<>();
        LocalDate last = end.minusDays(1);
        for (ProductsPerCustomerTrajectory.Month m : trajectory.months()) {
            if (m.day().equals(last)) {
                continue;
            }
            points.add(new TrajectorySection.Point(m.day(), m.activeCustomers(), present(m.productsPerCustomer()),
                    present(m.holdingOnePct()), present(m.holdingTwoPct()), present(m.holdingThreePct()),
                    present(m.holdingFourOrMorePct())));
        }
        PenetrationReport atEnd = context.penetration().penetration(new PenetrationQuery(request.tenant(), last));
        long active = atEnd.activeCustomers();
        List<Long> d = atEnd.distribution();
        points.add(new TrajectorySection.Point(last, Math.toIntExact(active), present(atEnd.productsPerCustomer()),
                pct(d.get(0), active), pct(d.get(1), active), pct(d.get(2), active), pct(d.get(3), active)));
        return Optional.of(new TrajectorySection(points));
    }

    private static BigDecimal pct(long part, long whole) {
        return present(io.xsell.core.mrr.Decimals.percent(part, whole));
    }

    static Optional<SummarySection> benchmark(SummaryContext context) {
        Benchmark b = context.current().benchmark();
        WindowMetrics m = context.current().metrics();
        var stage = b.stage();
        return Optional.of(new BenchmarkSection(stage == null ? null : stage.code(),
                stage == null ? null : stage.healthyLowPct(), stage == null ? null : stage.healthyHighPct(),
                stage == null ? null : stage.topQuartilePct(), b.verdict() == null ? null : b.verdict().code(),
                present(m.annualizedCrossSellRatePct()), present(m.productsPerCustomer())));
    }

    /** The evidence with the lines and segment values it names shown by their display names. */
    private static Map<String, Object> namedEvidence(Map<String, Object> evidence, DisplayNames names) {
        Map<String, Object> named = new LinkedHashMap<>(evidence);
        named.computeIfPresent("product_line", (k, v) -> names.line((String) v));
        Object segmentBy = evidence.get("segment_by");
        if (segmentBy instanceof String attribute) {
            named.computeIfPresent("segment", (k, v) -> names.segment(attribute, (String) v));
            named.computeIfPresent("best_segment", (k, v) -> names.segment(attribute, (String) v));
        }
        return named;
    }

    static Optional<SummarySection> insights(SummaryContext context) {
        SummaryRequest request = context.request();
        List<Insight> all = context.analytics().insights(
                new SummaryAnalyticsQuery(request.tenant(), request.period(), context.current().segmentBy(),
                        context.names()));
        List<InsightSection.Item> top = all.stream().limit(TOP_INSIGHTS)
                .map(i -> new InsightSection.Item(i.severity().code(), i.rule(), i.title(),
                        namedEvidence(i.evidence(), context.names()), i.recommendation(), i.comparison()))
                .toList();
        return Optional.of(new InsightSection(top, all.size()));
    }
}
