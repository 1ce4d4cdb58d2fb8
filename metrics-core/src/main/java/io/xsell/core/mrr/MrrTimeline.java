package io.xsell.core.mrr;

import io.xsell.core.movement.Movement;
import io.xsell.core.movement.MovementClassifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One customer's MRR by product line over time, as a step function: the state changes only on
 * days when an item starts earning or ends, so only those days are stored. Also holds the
 * movements found on those days.
 */
public final class MrrTimeline {
    private final int[] days;
    private final BigDecimal[][] states;
    private final BigDecimal[] totals;
    private final BigDecimal[] zero;
    private final List<Movement> movements;

    private MrrTimeline(int[] days, BigDecimal[][] states, BigDecimal[] totals, BigDecimal[] zero,
                        List<Movement> movements) {
        this.days = days;
        this.states = states;
        this.totals = totals;
        this.zero = zero;
        this.movements = movements;
    }

    /** Builds the timeline of items ordered by {@link PricedItem#activeFrom()}. */
    public static MrrTimeline of(PricedItem[] items, int lineCount) {
        return of(PricedItemColumns.of(new PricedItem[][] {items}), 0, items.length, lineCount);
    }

    /** Builds the timeline of the items {@code [first, limit)} of {@code items}, ordered by start. */
    static MrrTimeline of(PricedItemColumns items, int first, int limit, int lineCount) {
        BigDecimal[] zero = new BigDecimal[lineCount];
        Arrays.fill(zero, BigDecimal.ZERO);
        int n = limit - first;
        if (n == 0) {
            return new MrrTimeline(new int[0], new BigDecimal[0][], new BigDecimal[0], zero, List.of());
        }
        ChangeDays changes = new ChangeDays();
        changes.reset(items, first, limit);
        int[] days = new int[2 * n];
        BigDecimal[][] states = new BigDecimal[2 * n][];
        BigDecimal[] totals = new BigDecimal[2 * n];
        List<Movement> movements = new ArrayList<>(4);
        boolean[] bundledStarts = new boolean[lineCount];

        BigDecimal[] previous = zero;
        BigDecimal previousTotal = BigDecimal.ZERO;
        boolean everActive = false;
        int size = 0;
        while (changes.next()) {
            int day = changes.day();
            BigDecimal[] current = previous.clone();
            Arrays.fill(bundledStarts, false);
            for (int k; (k = changes.nextStart()) >= 0; ) {
                int line = items.lineOf(k);
                current[line] = current[line].add(items.monthlyOf(k));
                bundledStarts[line] |= items.bundledOf(k);
            }
            for (int k; (k = changes.nextEnd()) >= 0; ) {
                int line = items.lineOf(k);
                current[line] = current[line].subtract(items.monthlyOf(k));
            }
            if (sameState(previous, current)) {
                continue;
            }
            BigDecimal total = sum(current);
            MovementClassifier.classify(day, previous, previousTotal, current, total, everActive, bundledStarts,
                    movements);
            everActive |= total.signum() > 0;
            days[size] = day;
            states[size] = current;
            totals[size] = total;
            size++;
            previous = current;
            previousTotal = total;
        }
        return new MrrTimeline(Arrays.copyOf(days, size), Arrays.copyOf(states, size), Arrays.copyOf(totals, size),
                zero, Collections.unmodifiableList(movements));
    }

    private static boolean sameState(BigDecimal[] a, BigDecimal[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].compareTo(b[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal sum(BigDecimal[] values) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            if (v.signum() != 0) {
                total = total.add(v);
            }
        }
        return total;
    }

    private int indexOn(int day) {
        int i = Arrays.binarySearch(days, day);
        return i >= 0 ? i : -i - 2;
    }

    /** MRR by line on {@code day} (epoch day); the array must not be modified. */
    public BigDecimal[] mrrByLineOn(int day) {
        int i = indexOn(day);
        return i < 0 ? zero : states[i];
    }

    /** How many lines have MRR above zero on {@code day} (epoch day). */
    public int linesHeldOn(int day) {
        int held = 0;
        for (BigDecimal v : mrrByLineOn(day)) {
            if (v.signum() > 0) {
                held++;
            }
        }
        return held;
    }

    /** Total MRR on {@code day} (epoch day). */
    public BigDecimal mrrOn(int day) {
        int i = indexOn(day);
        return i < 0 ? BigDecimal.ZERO : totals[i];
    }

    /** Every movement of the customer, in day order then line order. */
    public List<Movement> movements() {
        return movements;
    }

    /** Days on which the MRR by line changed, ascending. */
    public int[] changeDays() {
        return days.clone();
    }
}
