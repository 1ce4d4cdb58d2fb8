package io.xsell.core.analytics;

import io.xsell.core.metrics.Window;
import io.xsell.core.movement.Movement;
import io.xsell.core.movement.MovementType;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.MrrTimeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * How long customers take to cross-sell into each line: for every customer with a
 * {@code cross_sell} of a line, the days from its first active day (the first day its total MRR
 * was &gt; 0) to its first {@code cross_sell} of that line. Lines bought on the first paid day are
 * acquisition ({@code new_business}), not adoption, and are not counted.
 *
 * @param lines every line of the ledger, in name order, including lines nobody adopted
 */
public record TimeToAdoption(List<LineAdoption> lines) {

    public TimeToAdoption {
        lines = List.copyOf(lines);
    }

    /**
     * Days to adoption of one line; percentiles by {@link Percentiles}, null when
     * {@code customers} is 0.
     *
     * @param customers customers with at least one cross_sell of the line (each counted once)
     */
    public record LineAdoption(String line, long customers, BigDecimal medianDays, BigDecimal p25Days,
                               BigDecimal p75Days) {
    }

    /** Over the whole history (the API's {@code scope=all_time}). */
    public static TimeToAdoption of(MrrLedger ledger) {
        return of(ledger, null);
    }

    /**
     * Adoptions (first cross-sell of a line) dated inside {@code window}; the clock still starts on
     * the customer's first active day, however long before the window. A figure for a past window
     * does not change when later data arrives. A null window takes the whole history.
     */
    public static TimeToAdoption of(MrrLedger ledger, Window window) {
        Objects.requireNonNull(ledger, "ledger");
        int lineCount = ledger.lines().size();
        Tally tally = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> new Tally(lineCount, window),
                (t, c) -> t.add(ledger.timeline(c)),
                Tally::merge);
        List<LineAdoption> result = new ArrayList<>(lineCount);
        for (int l = 0; l < lineCount; l++) {
            int[] sorted = tally.days[l].sorted();
            result.add(new LineAdoption(ledger.lines().get(l).name(), sorted.length,
                    Percentiles.median(sorted), Percentiles.percentile(sorted, Percentiles.P25),
                    Percentiles.percentile(sorted, Percentiles.P75)));
        }
        return new TimeToAdoption(result);
    }

    private static final class Tally {
        private final IntSamples[] days;
        private final boolean[] seen;
        private final Window window;

        Tally(int lineCount, Window window) {
            this.window = window;
            days = new IntSamples[lineCount];
            for (int l = 0; l < lineCount; l++) {
                days[l] = new IntSamples();
            }
            seen = new boolean[lineCount];
        }

        /**
         * Movements are in day order. The new_business movement marks the first day the total
         * MRR became &gt; 0, and a cross_sell needs a paying customer, so that day is always known
         * before any cross_sell is met.
         */
        void add(MrrTimeline timeline) {
            List<Movement> movements = timeline.movements();
            if (movements.isEmpty()) {
                return;
            }
            Arrays.fill(seen, false);
            int firstActiveDay = Integer.MIN_VALUE;
            for (Movement m : movements) {
                if (m.type() == MovementType.NEW_BUSINESS && firstActiveDay == Integer.MIN_VALUE) {
                    firstActiveDay = m.day();
                } else if (m.type() == MovementType.CROSS_SELL && !seen[m.line()]) {
                    seen[m.line()] = true;
                    if (window == null || window.contains(m.day())) {
                        days[m.line()].add(m.day() - firstActiveDay);
                    }
                }
            }
        }

        void merge(Tally other) {
            for (int l = 0; l < days.length; l++) {
                days[l].addAll(other.days[l]);
            }
        }
    }
}
