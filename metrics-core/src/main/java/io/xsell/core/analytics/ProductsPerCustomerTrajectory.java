package io.xsell.core.analytics;

import io.xsell.core.metrics.Granularity;
import io.xsell.core.metrics.MovementSeriesCalculator;
import io.xsell.core.metrics.Window;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.MrrTimeline;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Products per customer month by month: for each calendar month of the window (the first and last
 * clipped to the window, as {@link MovementSeriesCalculator#periods} cuts them), the state on the
 * month's last day within the window.
 */
public record ProductsPerCustomerTrajectory(Window window, List<Month> months) {
    /** Bucket count of the distribution: 1, 2, 3 and 4 or more lines. */
    private static final int BUCKETS = 4;

    public ProductsPerCustomerTrajectory {
        months = List.copyOf(months);
    }

    /**
     * One month's state on {@code day} ({@code period.endStateDay()}).
     *
     * @param productsPerCustomer    {@code linesHeld / activeCustomers}; null when no customer is active
     * @param holdingOne             active customers holding exactly one line; likewise two, three
     * @param holdingFourOrMore      active customers holding four lines or more
     * @param holdingOnePct          {@code holdingOne / activeCustomers × 100}, and so on; null when none is active
     */
    public record Month(Window period, LocalDate day, int activeCustomers, long linesHeld,
                        BigDecimal productsPerCustomer,
                        int holdingOne, int holdingTwo, int holdingThree, int holdingFourOrMore,
                        BigDecimal holdingOnePct, BigDecimal holdingTwoPct, BigDecimal holdingThreePct,
                        BigDecimal holdingFourOrMorePct) {
    }

    public static ProductsPerCustomerTrajectory of(MrrLedger ledger, Window window) {
        List<Window> periods = MovementSeriesCalculator.periods(window, Granularity.MONTH);
        int[] ends = periods.stream().mapToInt(Window::endStateDay).toArray();
        Counts counts = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> new Counts(ends.length), (t, c) -> t.add(ledger.timeline(c), ends), Counts::merge);

        List<Month> months = new ArrayList<>(ends.length);
        for (int p = 0; p < ends.length; p++) {
            int active = counts.active[p];
            int[] d = counts.distribution[p];
            months.add(new Month(periods.get(p), LocalDate.ofEpochDay(ends[p]), active, counts.lines[p],
                    Decimals.ratio(counts.lines[p], active),
                    d[0], d[1], d[2], d[3],
                    Decimals.percent(d[0], active), Decimals.percent(d[1], active),
                    Decimals.percent(d[2], active), Decimals.percent(d[3], active)));
        }
        return new ProductsPerCustomerTrajectory(window, months);
    }

    private static final class Counts {
        final int[] active;
        final long[] lines;
        final int[][] distribution;

        Counts(int periods) {
            active = new int[periods];
            lines = new long[periods];
            distribution = new int[periods][BUCKETS];
        }

        void add(MrrTimeline timeline, int[] ends) {
            for (int p = 0; p < ends.length; p++) {
                int held = timeline.linesHeldOn(ends[p]);
                if (held > 0) {
                    active[p]++;
                    lines[p] += held;
                    distribution[p][Math.min(held, BUCKETS) - 1]++;
                }
            }
        }

        void merge(Counts other) {
            for (int p = 0; p < active.length; p++) {
                active[p] += other.active[p];
                lines[p] += other.lines[p];
                for (int b = 0; b < BUCKETS; b++) {
                    distribution[p][b] += other.distribution[p][b];
                }
            }
        }
    }
}
