package io.xsell.core.insights;

import io.xsell.core.analytics.AttachedCohortRetention;
import io.xsell.core.benchmark.Benchmark;
import io.xsell.core.benchmark.BenchmarkVerdict;
import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.metrics.ProductLineMetrics;
import io.xsell.core.metrics.SegmentMetrics;
import io.xsell.core.metrics.Window;
import io.xsell.core.metrics.WindowMetrics;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.MrrTimeline;
import io.xsell.core.stats.BenjaminiHochberg;
import io.xsell.core.stats.TwoProportions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
    /** A segment must have at least this many active customers at the window end to be compared. */
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
    /** Each group of a comparison needs at least this many customers to be tested at all. */
    public static final int MIN_GROUP_CUSTOMERS = 30;
    /** The false discovery rate controlled (Benjamini-Hochberg) across the tests of one answer. */
    public static final double FALSE_DISCOVERY_RATE = 0.05;
    /** A significant problem is critical from this share of MRR at stake (or {@link #CRITICAL_GAP_POINTS}). */
    public static final BigDecimal CRITICAL_MRR_AT_STAKE_PCT = new BigDecimal("1");
    /** A significant problem is critical from this gap in percentage points (or {@link #CRITICAL_MRR_AT_STAKE_PCT}). */
    public static final BigDecimal CRITICAL_GAP_POINTS = new BigDecimal("5");
    /** A significant effect is a warning from this share of MRR at stake (or {@link #WARNING_GAP_POINTS}). */
    public static final BigDecimal WARNING_MRR_AT_STAKE_PCT = new BigDecimal("0.1");
    /** A significant effect is a warning from this gap in percentage points (or {@link #WARNING_MRR_AT_STAKE_PCT}). */
    public static final BigDecimal WARNING_GAP_POINTS = new BigDecimal("1");

    private static final Comparator<Insight> ORDER = Comparator.comparing(Insight::severity)
            .thenComparing(Insight::rule)
            .thenComparing(Insight::subject, Comparator.nullsFirst(Comparator.naturalOrder()));

    private InsightEngine() {
    }

    /** The insights shown by {@link #answer}, most severe first. */
    public static List<Insight> insights(MrrLedger ledger, Window window, String segmentBy) {
        return answer(ledger, window, segmentBy).insights();
    }

    /**
     * As {@link #insights(MrrLedger, Window, String)}, with titles and recommendations naming lines
     * and segment values by their display names; subjects and evidence keep the ids.
     */
    public static List<Insight> insights(MrrLedger ledger, Window window, String segmentBy, DisplayNames names) {
        return answer(ledger, window, segmentBy, names).insights();
    }

    /** {@link #answer(MrrLedger, Window, String, DisplayNames)} naming lines and segments by their ids. */
    public static InsightsAnswer answer(MrrLedger ledger, Window window, String segmentBy) {
        return answer(ledger, window, segmentBy, DisplayNames.empty());
    }

    /**
     * @param segmentBy customer attribute for the segment rule; null skips that rule
     * @return the insights that fired, ordered by severity (critical first), rule code, then subject,
     *         and the comparisons suppressed with their reason
     * @throws io.xsell.core.metrics.UnknownAttributeException when no customer carries {@code segmentBy}
     */
    public static InsightsAnswer answer(MrrLedger ledger, Window window, String segmentBy, DisplayNames names) {
        Window previousWindow = previous(window);
        YearMonth month = cohortMonth(window);
        // One pass: each customer's timeline is built once and fed to the three tallies the rules read.
        Pass pass = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> new Pass(ledger, window.endStateDay(), CrossSellCalculator.tally(ledger, window, segmentBy),
                        CrossSellCalculator.tally(ledger, previousWindow, null),
                        month == null ? null : AttachedCohortRetention.tally(ledger, month),
                        new double[ledger.lines().size()]),
                Pass::add,
                Pass::merge);
        CrossSellReport report = pass.current.report();
        List<Insight> out = new ArrayList<>();
        Tests tests = new Tests();
        lineConcentration(report, names, out);
        if (segmentBy != null) {
            segmentPenetrationGap(report, names, lineMrrByName(ledger, pass.lineMrr), tests);
        }
        if (month != null) {
            attachedCohortRetention(pass.cohort.result(), window, report.metrics(), tests);
        }
        crossSellWithoutBreadth(report, previousWindow, pass.previous.report().metrics(), out);
        bundleDependence(report.metrics(), out);
        rateBelowBenchmark(report, out);
        List<SuppressedInsight> suppressed = new ArrayList<>(tests.untested);
        tests.decide(out, suppressed);
        out.sort(ORDER);
        suppressed.sort(Comparator.comparing(SuppressedInsight::rule)
                .thenComparing(SuppressedInsight::subject, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new InsightsAnswer(out, suppressed, tests.family.size(), FALSE_DISCOVERY_RATE);
    }

    /**
     * A comparison some rule wants to claim when significant: the claim is made only when its
     * Benjamini-Hochberg adjusted p-value is at most the FDR level and its interval lies on the
     * rule's side of zero ({@code direction} 1 or -1; 0 accepts either side).
     */
    private record Candidate(String rule, String subject, Comparison comparison, int direction,
                             Function<Comparison, Insight> claim) {
    }

    /** Every test run for one answer: the family the false discovery rate is controlled over. */
    private static final class Tests {
        final List<Candidate> family = new ArrayList<>();
        final List<SuppressedInsight> untested = new ArrayList<>();

        void decide(List<Insight> shown, List<SuppressedInsight> suppressed) {
            double[] p = family.stream().mapToDouble(c -> c.comparison().pValue().doubleValue()).toArray();
            double[] q = BenjaminiHochberg.adjust(p);
            for (int i = 0; i < q.length; i++) {
                Candidate c = family.get(i);
                if (c.claim() == null) {
                    continue; // tested to keep the family honest, not a claim anyone asked to show
                }
                Comparison adjusted = c.comparison().adjusted(q[i]);
                if (q[i] > FALSE_DISCOVERY_RATE) {
                    suppressed.add(new SuppressedInsight(c.rule(), c.subject(), SuppressedInsight.NOT_SIGNIFICANT,
                            adjusted));
                } else if (adjusted.direction() == 0 || c.direction() != 0 && adjusted.direction() != c.direction()) {
                    suppressed.add(new SuppressedInsight(c.rule(), c.subject(),
                            SuppressedInsight.DIRECTION_NOT_SUPPORTED, adjusted));
                } else {
                    shown.add(c.claim().apply(adjusted));
                }
            }
        }
    }

    /**
     * Severity from the business effect and the evidence (docs/insights.md, "Severity"): only a
     * comparison that survived the correction gets here; critical needs 1 % of MRR at stake or a
     * 5-point gap, warning 0.1 % or 1 point, else info. {@code ceiling} caps it (an opportunity is
     * never critical, good news is info).
     */
    static Severity severity(Comparison c, Severity ceiling) {
        BigDecimal gap = c.differencePctPoints().abs();
        BigDecimal atStake = c.mrrAtStakePct() == null ? BigDecimal.ZERO : c.mrrAtStakePct();
        Severity s;
        if (atStake.compareTo(CRITICAL_MRR_AT_STAKE_PCT) >= 0 || gap.compareTo(CRITICAL_GAP_POINTS) >= 0) {
            s = Severity.CRITICAL;
        } else if (atStake.compareTo(WARNING_MRR_AT_STAKE_PCT) >= 0 || gap.compareTo(WARNING_GAP_POINTS) >= 0) {
            s = Severity.WARNING;
        } else {
            s = Severity.INFO;
        }
        return s.compareTo(ceiling) < 0 ? ceiling : s;
    }

    /** The comparison's figures in the evidence map, so every view of the evidence shows them. */
    private static void putComparison(Map<String, Object> evidence, Comparison c) {
        evidence.put("difference_pct_points", c.differencePctPoints());
        evidence.put("ci_low_pct_points", c.ciLowPctPoints());
        evidence.put("ci_high_pct_points", c.ciHighPctPoints());
        evidence.put("test", c.test());
        evidence.put("p_value", c.pValue());
        evidence.put("adjusted_p_value", c.adjustedPValue());
        evidence.put("mrr_at_stake", c.mrrAtStake());
        if (c.mrrAtStakePct() != null) {
            evidence.put("mrr_at_stake_pct", c.mrrAtStakePct());
        }
        if (c.customersAffectedPct() != null) {
            evidence.put("customers_affected_pct", c.customersAffectedPct());
        }
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal pctOf(double part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? null
                : BigDecimal.valueOf(part * 100).divide(whole, 2, RoundingMode.HALF_EVEN);
    }

    /** The window of the same length just before {@code window}, which rule 4 compares against. */
    private static Window previous(Window window) {
        return new Window(window.from().minusDays(window.days()), window.from());
    }

    /**
     * Per thread: the current window's report (segmented), the previous window's, the cohort's
     * retention, and each line's MRR on the window's end state day (what a missing holder is worth).
     */
    private record Pass(MrrLedger ledger, int endDay, CrossSellCalculator.Tally current,
                        CrossSellCalculator.Tally previous, AttachedCohortRetention.Tally cohort, double[] lineMrr) {
        void add(int customer) {
            MrrTimeline timeline = ledger.timeline(customer);
            current.add(customer, timeline);
            previous.add(customer, timeline);
            if (cohort != null) {
                cohort.add(timeline, ledger.items(customer), ledger.charges(customer));
            }
            BigDecimal[] byLine = timeline.mrrByLineOn(endDay);
            for (int l = 0; l < byLine.length; l++) {
                lineMrr[l] += byLine[l].doubleValue();
            }
        }

        Pass merge(Pass other) {
            for (int l = 0; l < lineMrr.length; l++) {
                lineMrr[l] += other.lineMrr[l];
            }
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
                            + names.line(line.productLine())
                            + " alone."));
        }
    }

    // Rule 2 -------------------------------------------------------------------------------

    /**
     * Every line and eligible segment is tested against the other eligible segments pooled (a
     * comparison fixed in advance, so picking the lowest segment after looking does not bias the
     * test); the family of all those tests is corrected together. A segment is claimed only when
     * it is under half the best segment's penetration, significantly below the rest, with both
     * groups of at least {@link #MIN_GROUP_CUSTOMERS}.
     */
    private static void segmentPenetrationGap(CrossSellReport report, DisplayNames names, Map<String, Double> lineMrr,
                                              Tests tests) {
        // The customers without the attribute (null segment) are not a segment anyone can target.
        List<SegmentMetrics> named = report.bySegment().stream().filter(s -> s.segment() != null).toList();
        List<SegmentMetrics> eligible = named.stream()
                .filter(s -> s.metrics().endingCustomers() >= MIN_GROUP_CUSTOMERS).toList();
        long eligibleCustomers = eligible.stream().mapToLong(s -> s.metrics().endingCustomers()).sum();
        WindowMetrics all = report.metrics();
        for (int li = 0; li < report.byProductLine().size(); li++) {
            ProductLineMetrics line = report.byProductLine().get(li);
            String name = line.productLine();
            double mrrPerHolder = line.holders() == 0 ? 0 : lineMrr.getOrDefault(name, 0.0) / line.holders();
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
            long eligibleHolders = eligible.stream().mapToLong(s -> holders(s, name)).sum();
            for (SegmentMetrics s : named) {
                BigDecimal pct = penetration(s, name);
                boolean gap = best != null && bestPct.signum() > 0 && s != best && pct != null
                        && pct.compareTo(bestPct.multiply(SEGMENT_GAP_FRACTION)) < 0;
                String subject = name + "/" + s.segment();
                if (!eligible.contains(s)) {
                    if (gap || pct != null && bestPct != null && pct.compareTo(bestPct.multiply(SEGMENT_GAP_FRACTION)) < 0) {
                        tests.untested.add(new SuppressedInsight(SEGMENT_PENETRATION_GAP, subject,
                                SuppressedInsight.GROUP_TOO_SMALL, null));
                    }
                    continue;
                }
                long n = s.metrics().endingCustomers();
                long x = holders(s, name);
                long restN = eligibleCustomers - n;
                long restX = eligibleHolders - x;
                if (restN < MIN_GROUP_CUSTOMERS) {
                    continue; // a single eligible segment has nothing to be compared with
                }
                TwoProportions t = TwoProportions.compare(x, n, restX, restN);
                double missing = Math.max(0, -t.difference()) * n;
                BigDecimal atStake = money(missing * mrrPerHolder);
                Comparison c = Comparison.of("penetration", s.segment(), "other_segments", t, atStake,
                        pctOf(missing * mrrPerHolder, all.endingMrr()), pctOf(n, BigDecimal.valueOf(all.endingCustomers())));
                SegmentMetrics bestSegment = best;
                BigDecimal bestPenetration = bestPct;
                tests.family.add(new Candidate(SEGMENT_PENETRATION_GAP, subject, c, -1, !gap ? null
                        : adjusted -> segmentGapInsight(report, names, name, s, pct, bestSegment, bestPenetration, adjusted)));
            }
        }
    }

    private static Insight segmentGapInsight(CrossSellReport report, DisplayNames names, String name, SegmentMetrics s,
                                             BigDecimal pct, SegmentMetrics best, BigDecimal bestPct, Comparison c) {
        String lineName = names.line(name);
        String segment = names.segment(report.segmentBy(), s.segment());
        String bestSegment = names.segment(report.segmentBy(), best.segment());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("product_line", name);
        evidence.put("segment_by", report.segmentBy());
        evidence.put("segment", s.segment());
        evidence.put("segment_active_customers", BigDecimal.valueOf(s.metrics().endingCustomers()));
        evidence.put("segment_penetration_pct", pct);
        evidence.put("other_segments_active_customers", BigDecimal.valueOf(c.customersB()));
        evidence.put("other_segments_penetration_pct", c.ratePctB());
        evidence.put("best_segment", best.segment());
        evidence.put("best_segment_active_customers", BigDecimal.valueOf(best.metrics().endingCustomers()));
        evidence.put("best_segment_penetration_pct", bestPct);
        putComparison(evidence, c);
        return new Insight(SEGMENT_PENETRATION_GAP, severity(c, Severity.WARNING), name + "/" + s.segment(),
                lineName + " under-penetrated in " + report.segmentBy() + " " + segment, evidence,
                lineName + " reaches " + pct + " % of " + segment + " customers against " + c.ratePctB()
                        + " % in the other segments (" + c.ciLowPctPoints() + " to " + c.ciHighPctPoints()
                        + " points, 95 % interval) and " + bestPct + " % in " + bestSegment + ". Target "
                        + segment + " accounts with the " + lineName + " play that works in " + bestSegment + ".",
                c);
    }

    /** Each line's MRR on the end state day, by line name (the ledger's line order is not the report's). */
    private static Map<String, Double> lineMrrByName(MrrLedger ledger, double[] lineMrr) {
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int l = 0; l < lineMrr.length; l++) {
            byName.put(ledger.lines().get(l).name(), lineMrr[l]);
        }
        return byName;
    }

    private static long holders(SegmentMetrics segment, String line) {
        for (ProductLineMetrics l : segment.byProductLine()) {
            if (l.productLine().equals(line)) {
                return l.holders();
            }
        }
        return 0;
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

    /**
     * Attached against single-line logo retention at the furthest mature follow-up month, tested
     * in both directions: a significant shortfall is a problem (severity by the table), a
     * significant advantage is good news (info).
     */
    private static void attachedCohortRetention(AttachedCohortRetention retention, Window window, WindowMetrics now,
                                                Tests tests) {
        YearMonth month = retention.month();
        int followUp = followUpMonths(month, window);
        AttachedCohortRetention.Point point = retention.points().get(followUp - 1);
        int attached = retention.attachedCustomers();
        int single = retention.singleLineCustomers();
        if (attached == 0 || single == 0 || point.attachedLogoRetentionPct() == null) {
            return; // no cohort, or the compared month ends after the data's last day
        }
        TwoProportions t = TwoProportions.compare(point.attachedActive(), attached, point.singleLineActive(), single);
        double lost = Math.max(0, -t.difference()) * attached;
        double arpa = now.endingCustomers() == 0 ? 0 : now.endingMrr().doubleValue() / now.endingCustomers();
        Comparison c = Comparison.of("logo_retention", "attached", "single_line", t, money(lost * arpa),
                pctOf(lost * arpa, now.endingMrr()), pctOf(attached, BigDecimal.valueOf(now.endingCustomers())));
        if (attached < MIN_GROUP_CUSTOMERS || single < MIN_GROUP_CUSTOMERS) {
            tests.untested.add(new SuppressedInsight(ATTACHED_COHORT_RETENTION, null, SuppressedInsight.GROUP_TOO_SMALL, c));
            return;
        }
        tests.family.add(new Candidate(ATTACHED_COHORT_RETENTION, null, c, 0,
                adjusted -> retentionInsight(retention, point, followUp, adjusted)));
    }

    private static Insight retentionInsight(AttachedCohortRetention retention, AttachedCohortRetention.Point point,
                                            int followUp, Comparison c) {
        YearMonth month = retention.month();
        BigDecimal attached = Decimals.present(point.attachedLogoRetentionPct());
        BigDecimal single = Decimals.present(point.singleLineLogoRetentionPct());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("cohort_month", month.toString());
        evidence.put("months_after", BigDecimal.valueOf(followUp));
        evidence.put("attached_customers", BigDecimal.valueOf(retention.attachedCustomers()));
        evidence.put("single_line_customers", BigDecimal.valueOf(retention.singleLineCustomers()));
        evidence.put("attached_logo_retention_pct", attached);
        evidence.put("single_line_logo_retention_pct", single);
        evidence.put("attached_line_retention_pct", Decimals.present(point.attachedLineRetentionPct()));
        putComparison(evidence, c);
        boolean worse = c.direction() < 0;
        String kept = "Customers who cross-sold in " + month + " kept " + attached + " % of logos after " + followUp
                + " months against " + single + " % for single-line customers (difference " + c.differencePctPoints()
                + " points, 95 % interval " + c.ciLowPctPoints() + " to " + c.ciHighPctPoints() + "; "
                + retention.attachedCustomers() + " and " + retention.singleLineCustomers() + " customers). ";
        return worse
                ? new Insight(ATTACHED_COHORT_RETENTION, severity(c, Severity.CRITICAL), null,
                        "Cross-sold customers churn more than single-line customers", evidence,
                        kept + "Review onboarding and fit of the cross-sold lines before pushing more attaches.", c)
                : new Insight(ATTACHED_COHORT_RETENTION, Severity.INFO, null,
                        "Cross-sold customers churn less than single-line customers", evidence,
                        kept + "Cross-selling goes with better retention here; keep putting the second line in "
                                + "front of single-line customers.", c);
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
