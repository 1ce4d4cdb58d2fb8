package io.xsell.core.insights;

import io.xsell.core.model.DisplayNames;
import io.xsell.core.analytics.AttachedCohortRetention;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.benchmark.Benchmark;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.benchmark.BenchmarkVerdict;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.metrics.ProductLineMetrics;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.metrics.SegmentMetrics;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.metrics.WindowMetrics;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.mrr.MrrTimeline;
import io.xsell.core.model.DisplayNames;
import java.math.BigDecimal;
import io.xsell.core.model.DisplayNames;
import java.time.LocalDate;
import io.xsell.core.model.DisplayNames;
import java.time.YearMonth;
import io.xsell.core.model.DisplayNames;
import java.util.ArrayList;
import io.xsell.core.model.DisplayNames;
import java.util.Comparator;
import io.xsell.core.model.DisplayNames;
import java.util.LinkedHashMap;
import io.xsell.core.model.DisplayNames;
import java.util.List;
import io.xsell.core.model.DisplayNames;
import java.util.Map;
import io.xsell.core.model.DisplayNames;
import java.util.stream.IntStream;

/**
 * The insight rules (next best actions) of spec section 6 over the numbers the calculators
 * already produce. Every threshold is compared against the figure as presented (rounded
 * half-even to 2 decimals), like {@link Benchmark} does, so the evidence a reader sees always
 * agrees with whether the rule fired. The rules are documented in {@code docs/insights.md}.
 */
public final class InsightEngine {

    public static final String LINE_CONCENTRATION = "line_concentration";
    public static final String SEGMENT_PENETRATION_GAP = "segment_penetration_gap";
    public static final String ATTACHED_COHORT_RETENTION = "attached_cohort_retention";
    public static final String CROSS_SELL_WITHOUT_BREADTH = "cross_sell_without_breadth";
    public static final String BUNDLE_DEPENDENCE = "bundle_dependence";
    public static final String CROSS_SELL_RATE_BELOW_BENCHMARK = "cross_sell_rate_below_benchmark";

    /** A line carrying strictly more than this share of cross-sell MRR is a concentration. */
    public static final BigDecimal LINE_CONCENTRATION_SHARE_PCT = new BigDecimal("60");
    /** Both segments compared must have at least this many active customers at the window end. */
    public static final int MIN_SEGMENT_CUSTOMERS = 30;
    /** A segment's penetration strictly below this fraction of the best segment's is a gap. */
    public static final BigDecimal SEGMENT_GAP_FRACTION = new BigDecimal("0.5");
    /** Follow-up months wanted for the first full month of the window to be the cohort month. */
    public static final int FULL_FOLLOW_UP_MONTHS = AttachedCohortRetention.HORIZON_MONTHS;
    /** Fewest follow-up months a fallback cohort month must have. */
    public static final int MIN_FOLLOW_UP_MONTHS = 3;
    /** Cross-sell MRR is "up" when it grew by strictly more than this against the previous window. */
    public static final BigDecimal CROSS_SELL_GROWTH_PCT = new BigDecimal("10");
    /** Products per customer is "flat" when it changed by strictly less than this (absolute). */
    public static final BigDecimal FLAT_PRODUCTS_PER_CUSTOMER_CHANGE = new BigDecimal("0.05");
    /** Bundle-driven cross-sell MRR above this share of all cross-sell MRR is a dependence. */
    public static final BigDecimal BUNDLE_SHARE_PCT = new BigDecimal("50");

    private static final Comparator<Insight> ORDER = Comparator.comparing(Insight::severity)
            .thenComparing(Insight::rule)
            .thenComparing(Insight::subject, Comparator.nullsFirst(Comparator.naturalOrder()));

    private InsightEngine() {
    }

    /**
     * @param segmentBy customer attribute for the segment rule; null skips that rule
     * @return the insights that fired, ordered by severity (critical first), rule code, then subject
     * @throws io.xsell.core.metrics.UnknownAttributeException when no customer carries {@code segmentBy}
     */
    public static List<Insight> insights(MrrLedger ledger, Window window, String segmentBy) {
        return insights(ledger, window, segmentBy, DisplayNames.empty());
    }

    /**
     * As {@link #insights(MrrLedger, Window, String)}, with titles and recommendations naming lines
     * and segment values by their display names; subjects and evidence keep the ids.
     */
    public static List<Insight> insights(MrrLedger ledger, Window window, String segmentBy, DisplayNames names) {
        Window previousWindow = previous(window);
        YearMonth month = cohortMonth(window);
        // One pass: each customer's timeline is built once and fed to the three tallies the rules read.
        Pass pass = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> new Pass(ledger, CrossSellCalculator.tally(ledger, window, segmentBy),
                        CrossSellCalculator.tally(ledger, previousWindow, null),
                        month == null ? null : AttachedCohortRetention.tally(ledger, month)),
                Pass::add,
                Pass::merge);
        CrossSellReport report = pass.current.report();
        List<Insight> out = new ArrayList<>();
        lineConcentration(report, names, out);
        if (segmentBy != null) {
            segmentPenetrationGap(report, names, out);
        }
        if (month != null) {
            attachedCohortRetention(pass.cohort.result(), window, out);
        }
        crossSellWithoutBreadth(report, previousWindow, pass.previous.report().metrics(), out);
        bundleDependence(report.metrics(), out);
        rateBelowBenchmark(report, out);
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** The window of the same length just before {@code window}, which rule 4 compares against. */
    private static Window previous(Window window) {
        return new Window(window.from().minusDays(window.days()), window.from());
    }

    /** Per thread: the current window's report (segmented), the previous window's, the cohort's retention. */
    private record Pass(MrrLedger ledger, CrossSellCalculator.Tally current, CrossSellCalculator.Tally previous,
                        AttachedCohortRetention.Tally cohort) {
        void add(int customer) {
            MrrTimeline timeline = ledger.timeline(customer);
            current.add(customer, timeline);
            previous.add(customer, timeline);
            if (cohort != null) {
                cohort.add(timeline);
            }
        }

        Pass merge(Pass other) {
            current.merge(other.current);
            previous.merge(other.previous);
            if (cohort != null) {
                cohort.merge(other.cohort);
            }
            return this;
        }
    }

    // Rule 1 -------------------------------------------------------------------------------

    private static void lineConcentration(CrossSellReport report, DisplayNames names, List<Insight> out) {
        for (ProductLineMetrics line : report.byProductLine()) {
            BigDecimal share = Decimals.present(line.shareOfCrossSellPct());
            if (share == null || share.compareTo(LINE_CONCENTRATION_SHARE_PCT) <= 0) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("product_line", line.productLine());
            evidence.put("line_cross_sell_mrr", Decimals.present(line.crossSellMrr()));
            evidence.put("cross_sell_mrr", Decimals.present(report.metrics().crossSellMrr()));
            evidence.put("share_of_cross_sell_pct", share);
            out.add(new Insight(LINE_CONCENTRATION, Severity.WARNING, line.productLine(),
                    "Cross-sell depends on " + names.line(line.productLine()), evidence,
                    names.line(line.productLine()) + " carries " + share + " % of cross-sell MRR. Build a play for the "
                            + "next-best line so that cross-sell revenue does not hinge on "
                            + names.line(line.productLine()) + " alone."));
        }
    }

    // Rule 2 -------------------------------------------------------------------------------

    private static void segmentPenetrationGap(CrossSellReport report, DisplayNames names, List<Insight> out) {
        // The customers without the attribute (null segment) are not a segment anyone can target.
        List<SegmentMetrics> eligible = report.bySegment().stream()
                .filter(s -> s.segment() != null && s.metrics().endingCustomers() >= MIN_SEGMENT_CUSTOMERS)
                .toList();
        if (eligible.size() < 2) {
            return;
        }
        for (ProductLineMetrics line : report.byProductLine()) {
            String name = line.productLine();
            SegmentMetrics best = null;
            BigDecimal bestPct = null;
            for (SegmentMetrics s : eligible) {
                BigDecimal pct = penetration(s, name);
                // Strictly greater: on a tie the first segment in name order stays the best.
                if (pct != null && (bestPct == null || pct.compareTo(bestPct) > 0)) {
                    best = s;
                    bestPct = pct;
                }
            }
            if (best == null || bestPct.signum() == 0) {
                continue;
            }
            BigDecimal threshold = bestPct.multiply(SEGMENT_GAP_FRACTION);
            for (SegmentMetrics s : eligible) {
                BigDecimal pct = penetration(s, name);
                if (s == best || pct == null || pct.compareTo(threshold) >= 0) {
                    continue;
                }
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("product_line", name);
                evidence.put("segment_by", report.segmentBy());
                evidence.put("segment", s.segment());
                evidence.put("segment_active_customers", BigDecimal.valueOf(s.metrics().endingCustomers()));
                evidence.put("segment_penetration_pct", pct);
                evidence.put("best_segment", best.segment());
                evidence.put("best_segment_active_customers", BigDecimal.valueOf(best.metrics().endingCustomers()));
                evidence.put("best_segment_penetration_pct", bestPct);
                String lineName = names.line(name);
                String segment = names.segment(report.segmentBy(), s.segment());
                String bestSegment = names.segment(report.segmentBy(), best.segment());
                out.add(new Insight(SEGMENT_PENETRATION_GAP, Severity.INFO, name + "/" + s.segment(),
                        lineName + " under-penetrated in " + report.segmentBy() + " " + segment, evidence,
                        lineName + " reaches " + pct + " % of " + segment + " customers against " + bestPct
                                + " % in " + bestSegment + ". Target " + segment + " accounts with the "
                                + lineName + " play that works in " + bestSegment + "."));
            }
        }
    }

    private static BigDecimal penetration(SegmentMetrics segment, String line) {
        for (ProductLineMetrics l : segment.byProductLine()) {
            if (l.productLine().equals(line)) {
                return Decimals.present(l.penetrationPct());
            }
        }
        return null;
    }

    // Rule 3 -------------------------------------------------------------------------------

    private static void attachedCohortRetention(AttachedCohortRetention retention, Window window, List<Insight> out) {
        YearMonth month = retention.month();
        int followUp = followUpMonths(month, window);
        AttachedCohortRetention.Point point = retention.points().get(followUp - 1);
        BigDecimal attached = Decimals.present(point.attachedLogoRetentionPct());
        BigDecimal single = Decimals.present(point.singleLineLogoRetentionPct());
        if (attached == null || single == null || attached.compareTo(single) >= 0) {
            return;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("cohort_month", month.toString());
        evidence.put("months_after", BigDecimal.valueOf(followUp));
        evidence.put("attached_customers", BigDecimal.valueOf(retention.attachedCustomers()));
        evidence.put("single_line_customers", BigDecimal.valueOf(retention.singleLineCustomers()));
        evidence.put("attached_logo_retention_pct", attached);
        evidence.put("single_line_logo_retention_pct", single);
        evidence.put("attached_line_retention_pct", Decimals.present(point.attachedLineRetentionPct()));
        evidence.put("retention_gap_pct", single.subtract(attached));
        out.add(new Insight(ATTACHED_COHORT_RETENTION, Severity.CRITICAL, null,
                "Cross-sold customers churn more than single-line customers", evidence,
                "Customers who cross-sold in " + month + " kept " + attached + " % of logos after " + followUp
                        + " months against " + single + " % for single-line customers. Review onboarding and fit "
                        + "of the cross-sold lines before pushing more attaches."));
    }

    /**
     * The cohort month: the first full month of the window when its 12 follow-up month ends all
     * fall on or before the window's end state day (the latest state the report reads), else the
     * latest month with at least 3 follow-up months, provided it is not before the first full
     * month of the window; null when no month qualifies.
     */
    public static YearMonth cohortMonth(Window window) {
        YearMonth first = window.from().getDayOfMonth() == 1
                ? YearMonth.from(window.from()) : YearMonth.from(window.from()).plusMonths(1);
        if (followUpMonths(first, window) == FULL_FOLLOW_UP_MONTHS) {
            return first;
        }
        LocalDate end = LocalDate.ofEpochDay(window.endStateDay());
        YearMonth lastComplete = end.equals(YearMonth.from(end).atEndOfMonth())
                ? YearMonth.from(end) : YearMonth.from(end).minusMonths(1);
        YearMonth latest = lastComplete.minusMonths(MIN_FOLLOW_UP_MONTHS);
        return latest.isBefore(first) ? null : latest;
    }

    /** Follow-up months of {@code month} whose last day is on or before the window end state, at most 12. */
    static int followUpMonths(YearMonth month, Window window) {
        LocalDate end = LocalDate.ofEpochDay(window.endStateDay());
        int k = 0;
        while (k < FULL_FOLLOW_UP_MONTHS && !month.plusMonths(k + 1L).atEndOfMonth().isAfter(end)) {
            k++;
        }
        return k;
    }

    // Rule 4 -------------------------------------------------------------------------------

    private static void crossSellWithoutBreadth(CrossSellReport report, Window previous, WindowMetrics before,
                                                List<Insight> out) {
        WindowMetrics now = report.metrics();
        // Growth from zero is undefined (a ratio with a zero denominator is null in this contract).
        BigDecimal growth = Decimals.present(Decimals.percent(now.crossSellMrr().subtract(before.crossSellMrr()),
                before.crossSellMrr()));
        BigDecimal ppcBefore = Decimals.present(before.productsPerCustomer());
        BigDecimal ppcNow = Decimals.present(now.productsPerCustomer());
        if (growth == null || ppcBefore == null || ppcNow == null || growth.compareTo(CROSS_SELL_GROWTH_PCT) <= 0) {
            return;
        }
        BigDecimal change = ppcNow.subtract(ppcBefore);
        if (change.abs().compareTo(FLAT_PRODUCTS_PER_CUSTOMER_CHANGE) >= 0) {
            return;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("previous_from", previous.from().toString());
        evidence.put("previous_cross_sell_mrr", Decimals.present(before.crossSellMrr()));
        evidence.put("cross_sell_mrr", Decimals.present(now.crossSellMrr()));
        evidence.put("cross_sell_mrr_growth_pct", growth);
        evidence.put("previous_products_per_customer", ppcBefore);
        evidence.put("products_per_customer", ppcNow);
        evidence.put("products_per_customer_change", change);
        out.add(new Insight(CROSS_SELL_WITHOUT_BREADTH, Severity.WARNING, null,
                "Cross-sell MRR grows but customers do not hold more lines", evidence,
                "Cross-sell MRR grew " + growth + " % while products per customer stayed at " + ppcNow
                        + ". Check line churn and whether attaches concentrate on already multi-line accounts; "
                        + "widen the play to single-line customers."));
    }

    // Rule 5 -------------------------------------------------------------------------------

    private static void bundleDependence(WindowMetrics metrics, List<Insight> out) {
        BigDecimal share = Decimals.present(Decimals.percent(metrics.bundleCrossSellMrr(), metrics.crossSellMrr()));
        if (share == null || share.compareTo(BUNDLE_SHARE_PCT) <= 0) {
            return;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("bundle_cross_sell_mrr", Decimals.present(metrics.bundleCrossSellMrr()));
        evidence.put("standalone_cross_sell_mrr", Decimals.present(metrics.standaloneCrossSellMrr()));
        evidence.put("cross_sell_mrr", Decimals.present(metrics.crossSellMrr()));
        evidence.put("bundle_share_pct", share);
        out.add(new Insight(BUNDLE_DEPENDENCE, Severity.INFO, null, "Cross-sell is mostly bundle-driven", evidence,
                share + " % of cross-sell MRR came through bundles. Check bundle discounts and whether the "
                        + "bundled lines are adopted, and give reps a standalone offer for each line."));
    }

    // Rule 6 -------------------------------------------------------------------------------

    private static void rateBelowBenchmark(CrossSellReport report, List<Insight> out) {
        Benchmark benchmark = report.benchmark();
        if (benchmark.verdict() != BenchmarkVerdict.BELOW_HEALTHY) {
            return;
        }
        WindowMetrics m = report.metrics();
        BigDecimal rate = Decimals.present(m.annualizedCrossSellRatePct());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("stage", benchmark.stage().code());
        evidence.put("products_per_customer", Decimals.present(m.productsPerCustomer()));
        evidence.put("annualized_cross_sell_rate_pct", rate);
        evidence.put("healthy_low_pct", benchmark.stage().healthyLowPct());
        evidence.put("healthy_high_pct", benchmark.stage().healthyHighPct());
        out.add(new Insight(CROSS_SELL_RATE_BELOW_BENCHMARK, Severity.WARNING, null,
                "Cross-sell rate below the healthy range for the stage", evidence,
                "The annualized cross-sell rate is " + rate + " %, under the " + benchmark.stage().healthyLowPct()
                        + "-" + benchmark.stage().healthyHighPct() + " % healthy for " + benchmark.stage().code()
                        + " companies. Set a quarterly attach target and put the strongest line in front of "
                        + "the starting customer base."));
    }
}
