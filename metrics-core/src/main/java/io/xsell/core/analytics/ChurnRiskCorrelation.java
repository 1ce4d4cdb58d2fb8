package io.xsell.core.analytics;

import io.xsell.core.metrics.Window;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.MrrTimeline;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Logo churn in a window by the number of lines held at its start. The base is the starting
 * cohort: customers active (total MRR &gt; 0) on {@link Window#startStateDay()}. A customer of it
 * has churned when it is not active on {@link Window#endStateDay()}, whatever happened in
 * between: one that churned and came back inside the window is retained, one that only lost some
 * lines is retained.
 *
 * @param oneLine    customers holding exactly one line at window start
 * @param twoLines   customers holding exactly two lines
 * @param threePlus  customers holding three or more lines
 * @param overall    the whole starting cohort
 */
public record ChurnRiskCorrelation(Window window, Group oneLine, Group twoLines, Group threePlus, Group overall) {

    public ChurnRiskCorrelation {
        Objects.requireNonNull(window, "window");
    }

    /**
     * @param linesHeld     "1", "2", "3+" or "all"
     * @param churnRatePct  churned / customers × 100, null when the group is empty
     */
    public record Group(String linesHeld, long customers, long churned, BigDecimal churnRatePct) {
        static Group of(String linesHeld, long customers, long churned) {
            return new Group(linesHeld, customers, churned, Decimals.percent(churned, customers));
        }
    }

    /** The three groups in order 1, 2, 3+ (the overall group apart). */
    public List<Group> groups() {
        return List.of(oneLine, twoLines, threePlus);
    }

    public static ChurnRiskCorrelation of(MrrLedger ledger, Window window) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(window, "window");
        int start = window.startStateDay();
        int end = window.endStateDay();
        long[] counts = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> new long[6],
                (t, c) -> add(t, ledger.timeline(c), start, end),
                (a, b) -> {
                    for (int i = 0; i < a.length; i++) {
                        a[i] += b[i];
                    }
                });
        // counts: [customers, churned] for groups 1, 2, 3+ in turn
        return new ChurnRiskCorrelation(window,
                Group.of("1", counts[0], counts[1]),
                Group.of("2", counts[2], counts[3]),
                Group.of("3+", counts[4], counts[5]),
                Group.of("all", counts[0] + counts[2] + counts[4], counts[1] + counts[3] + counts[5]));
    }

    private static void add(long[] counts, MrrTimeline timeline, int start, int end) {
        if (timeline.mrrOn(start).signum() <= 0) {
            return;
        }
        int held = timeline.linesHeldOn(start);
        // active means some line has MRR > 0, so held >= 1 here
        int group = Math.min(held, 3) - 1;
        counts[2 * group]++;
        if (timeline.mrrOn(end).signum() <= 0) {
            counts[2 * group + 1]++;
        }
    }
}
