package io.xsell.core.metrics;

import io.xsell.core.movement.Movement;
import io.xsell.core.movement.MovementType;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.MrrTimeline;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * MRR movements of a window cut into calendar periods. The first and last periods are clipped
 * to the window, so a window from the 15th gives a first "month" of half a month.
 */
public final class MovementSeriesCalculator {
    private static final MovementType[] TYPES = MovementType.values();

    private MovementSeriesCalculator() {
    }

    public static List<Window> periods(Window window, Granularity granularity) {
        List<Window> periods = new ArrayList<>();
        LocalDate start = window.from();
        while (start.isBefore(window.to())) {
            LocalDate boundary = granularity.nextBoundary(start);
            LocalDate end = boundary.isBefore(window.to()) ? boundary : window.to();
            periods.add(new Window(start, end));
            start = end;
        }
        return periods;
    }

    public static List<PeriodMovements> series(MrrLedger ledger, Window window, Granularity granularity) {
        List<Window> periods = periods(window, granularity);
        int[] ends = periods.stream().mapToInt(Window::endStateDay).toArray();
        Sums sums = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> new Sums(periods.size()), (s, c) -> s.add(ledger.timeline(c), window, ends), Sums::merge);
        List<PeriodMovements> result = new ArrayList<>(periods.size());
        for (int p = 0; p < periods.size(); p++) {
            Map<MovementType, BigDecimal> byType = new EnumMap<>(MovementType.class);
            for (MovementType type : TYPES) {
                byType.put(type, sums.movements[p][type.ordinal()]);
            }
            result.add(new PeriodMovements(periods.get(p), sums.mrrAt[p], sums.mrrAt[p + 1], byType));
        }
        return result;
    }

    /** mrrAt[0] is the MRR before the first period; mrrAt[p + 1] the MRR at the end of period p. */
    private static final class Sums {
        private final BigDecimal[] mrrAt;
        private final BigDecimal[][] movements;

        Sums(int periods) {
            mrrAt = new BigDecimal[periods + 1];
            Arrays.fill(mrrAt, BigDecimal.ZERO);
            movements = new BigDecimal[periods][TYPES.length];
            for (BigDecimal[] row : movements) {
                Arrays.fill(row, BigDecimal.ZERO);
            }
        }

        void add(MrrTimeline timeline, Window window, int[] ends) {
            mrrAt[0] = mrrAt[0].add(timeline.mrrOn(window.startStateDay()));
            for (int p = 0; p < ends.length; p++) {
                mrrAt[p + 1] = mrrAt[p + 1].add(timeline.mrrOn(ends[p]));
            }
            int p = 0;
            for (Movement m : timeline.movements()) {
                if (m.day() <= window.startStateDay()) {
                    continue;
                }
                while (p < ends.length && m.day() > ends[p]) {
                    p++;
                }
                if (p == ends.length) {
                    break;
                }
                BigDecimal[] row = movements[p];
                row[m.type().ordinal()] = row[m.type().ordinal()].add(m.amount());
            }
        }

        Sums merge(Sums other) {
            for (int i = 0; i < mrrAt.length; i++) {
                mrrAt[i] = mrrAt[i].add(other.mrrAt[i]);
            }
            for (int p = 0; p < movements.length; p++) {
                for (int t = 0; t < TYPES.length; t++) {
                    movements[p][t] = movements[p][t].add(other.movements[p][t]);
                }
            }
            return this;
        }
    }
}
