package io.xsell.core.mrr;

import io.xsell.core.model.NarrowInts;
import io.xsell.core.movement.MovementClassifier;
import io.xsell.core.movement.MovementType;
import java.util.Arrays;

/**
 * What a window report needs of one customer, computed in exact fixed point ({@link Fixed192},
 * {@link FixedAmounts}) without an {@link MrrTimeline}: the total MRR on the window's start-state
 * and end-state days, the lines held on the end-state day and the movements in between. The
 * customer's states are walked day by day exactly as {@link MrrTimeline} builds them (the same
 * change days, the same netting, the same skipping of days that change nothing, the same
 * {@link MovementClassifier} rules), and every value carries the scale the {@code BigDecimal} the
 * timeline holds has, so sums converted back equal the timeline's sums, scale included.
 *
 * <p>One per thread, reused from customer to customer: it allocates only when a customer has more
 * items or movements than any before. Values are read as entries of {@link #values()}:
 * {@link #START}, {@link #END} and {@link #movementEntry(int)}.
 */
public final class WindowScan {
    /** The entry of the total MRR on the start-state day. */
    public static final int START = 0;
    /** The entry of the total MRR on the end-state day. */
    public static final int END = 1;
    private static final int L = Fixed192.LIMBS;

    private final PricedItemColumns items;
    private final FixedAmounts amounts;
    private final long[] amountValues;
    private final int startDay;
    private final int endDay;
    private final ChangeDays changes = new ChangeDays();
    private long[] before;
    private long[] after;
    private int[] beforeScales;
    private int[] afterScales;
    private final long[] totals = new long[2 * L]; // the total before, then after
    private int totalBeforeScale;
    private final boolean[] bundledStarts;
    /** The lines the current customer's items are on, ascending: every other line is 0 in both states. */
    private final int[] active;
    private int activeCount;
    private final int[] seenBy; // per line, the last pass that found an item on it
    private int pass;
    private long[] values = new long[8 * L];
    private int[] scales = new int[8];
    private int[] movementLines = new int[6];
    private MovementType[] movementTypes = new MovementType[6];
    private boolean[] movementBundled = new boolean[6];
    private int movements;
    /** The columns read per customer ({@link PricedItemColumns#scanColumns}) and whether ends are lengths. */
    private final NarrowInts[] columns;
    private final boolean endsAreLengths;
    /** The current customer's items: the first's index in the columns, then per item its line, amount code, start and end. */
    private int firstItem;
    private final int[][] itemColumns = new int[4][8];
    private int[] itemLines = itemColumns[0];
    private int[] itemCodes = itemColumns[1];

    WindowScan(PricedItemColumns items, FixedAmounts amounts, int lineCount, int startDay, int endDay) {
        this.items = items;
        this.columns = items.scanColumns();
        this.endsAreLengths = items.endsAreLengths();
        this.amounts = amounts;
        this.amountValues = amounts.values();
        this.startDay = startDay;
        this.endDay = endDay;
        this.before = new long[L * lineCount];
        this.after = new long[L * lineCount];
        this.beforeScales = new int[lineCount];
        this.afterScales = new int[lineCount];
        this.bundledStarts = new boolean[lineCount];
        this.active = new int[lineCount];
        this.seenBy = new int[lineCount];
    }

    /**
     * Walks customer {@code customer}'s states up to the end-state day.
     *
     * @return false when a value left the fixed-point range: nothing of this customer is usable
     *         then, and the report must be computed with {@code BigDecimal}
     */
    public boolean scan(int customer) {
        for (int i = 0; i < activeCount; i++) { // what the customer before left
            int line = active[i];
            Fixed192.clear(before, L * line);
            Fixed192.clear(after, L * line);
            beforeScales[line] = 0;
            afterScales[line] = 0;
        }
        readItems(customer);
        Fixed192.clear(totals, 0);
        totalBeforeScale = 0;
        movements = 0;
        boolean everActive = false;
        boolean started = false;
        while (changes.next()) {
            int day = changes.day();
            if (day > endDay) {
                break;
            }
            if (!started && day > startDay) {
                keepTotal(START);
                started = true;
            }
            if (!applyChanges()) {
                return false;
            }
            if (sameState()) {
                continue; // as the timeline: a day that changes nothing is no state (and keeps its scales)
            }
            int totalScale = 0;
            Fixed192.clear(totals, L);
            for (int i = 0; i < activeCount; i++) {
                int line = active[i];
                if (Fixed192.signum(after, L * line) != 0) {
                    if (Fixed192.add(totals, L, after, L * line)) {
                        return false;
                    }
                    totalScale = Math.max(totalScale, afterScales[line]);
                }
            }
            if (day > startDay && !classify(everActive)) {
                return false;
            }
            everActive |= Fixed192.signum(totals, L) > 0;
            long[] states = before;
            before = after;
            after = states;
            int[] stateScales = beforeScales;
            beforeScales = afterScales;
            afterScales = stateScales;
            Fixed192.copy(totals, L, totals, 0);
            totalBeforeScale = totalScale;
        }
        if (!started) {
            keepTotal(START);
        }
        keepTotal(END);
        return true;
    }

    /**
     * Reads the customer's items out of the columns once (their days into {@link #changes}, their lines
     * and codes into plain arrays) and lists their lines in {@link #active}, ascending.
     */
    private void readItems(int customer) {
        int first = items.first(customer);
        int limit = items.limit(customer);
        int count = limit - first;
        int[][] read = itemColumns;
        if (read[0].length < count) {
            int capacity = Math.max(count, 2 * read[0].length);
            for (int c = 0; c < read.length; c++) {
                read[c] = new int[capacity];
            }
            itemLines = read[0];
            itemCodes = read[1];
        }
        for (int c = 0; c < read.length; c++) {
            columns[c].copyTo(first, limit, read[c]);
        }
        int[] starts = read[2];
        int[] ends = read[3];
        if (endsAreLengths) {
            for (int i = 0; i < count; i++) {
                ends[i] = ends[i] == 0 ? PricedItem.OPEN : starts[i] + ends[i];
            }
        }
        firstItem = first;
        changes.reset(starts, ends, first, count);
        activeCount = 0;
        if (++pass == 0) { // wrapped around: forget the old stamps
            Arrays.fill(seenBy, 0);
            pass = 1;
        }
        int stamp = pass;
        for (int i = 0; i < count; i++) {
            int line = itemLines[i];
            if (seenBy[line] != stamp) {
                seenBy[line] = stamp;
                int j = activeCount++;
                for (; j > 0 && active[j - 1] > line; j--) {
                    active[j] = active[j - 1];
                }
                active[j] = line;
            }
        }
    }

    private boolean sameState() {
        for (int i = 0; i < activeCount; i++) {
            if (!Fixed192.same(before, L * active[i], after, L * active[i])) {
                return false;
            }
        }
        return true;
    }

    /** The state of the current day into {@code after}: the one before with the day's starts and ends. */
    private boolean applyChanges() {
        for (int i = 0; i < activeCount; i++) {
            int line = active[i];
            Fixed192.copy(before, L * line, after, L * line);
            afterScales[line] = beforeScales[line];
            bundledStarts[line] = false;
        }
        boolean overflow = false;
        for (int k; (k = changes.nextStart()) >= 0; ) {
            int line = itemLines[k - firstItem];
            int code = itemCodes[k - firstItem];
            overflow |= Fixed192.add(after, L * line, amountValues, L * code);
            afterScales[line] = Math.max(afterScales[line], amounts.scaleOf(code));
            bundledStarts[line] |= items.bundledOf(k);
        }
        for (int k; (k = changes.nextEnd()) >= 0; ) {
            int line = itemLines[k - firstItem];
            int code = itemCodes[k - firstItem];
            overflow |= Fixed192.subtract(after, L * line, amountValues, L * code);
            afterScales[line] = Math.max(afterScales[line], amounts.scaleOf(code));
        }
        return !overflow;
    }

    private boolean classify(boolean everActive) {
        boolean wasPaying = Fixed192.signum(totals, 0) > 0;
        boolean isPaying = Fixed192.signum(totals, L) > 0;
        if (!MovementClassifier.changesAnything(wasPaying, isPaying)) {
            return true;
        }
        for (int i = 0; i < activeCount; i++) {
            int line = active[i];
            int at = L * line;
            int cmp = Fixed192.compare(before, at, after, at);
            if (cmp == 0) {
                continue;
            }
            MovementType type = MovementClassifier.type(wasPaying, isPaying, everActive,
                    Fixed192.signum(before, at), Fixed192.signum(after, at), cmp);
            int entry = addMovement(line, type, type == MovementType.CROSS_SELL && bundledStarts[line]);
            boolean overflow = false;
            switch (type.amount()) {
                case AFTER -> {
                    Fixed192.copy(after, at, values, L * entry);
                    scales[entry] = afterScales[line];
                }
                case LOST -> {
                    overflow = Fixed192.negate(before, at, values, L * entry);
                    scales[entry] = beforeScales[line];
                }
                case CHANGE -> {
                    Fixed192.copy(after, at, values, L * entry);
                    overflow = Fixed192.subtract(values, L * entry, before, at);
                    scales[entry] = Math.max(afterScales[line], beforeScales[line]);
                }
            }
            if (overflow) {
                return false;
            }
        }
        return true;
    }

    private int addMovement(int line, MovementType type, boolean bundleDriven) {
        int m = movements++;
        if (m == movementLines.length) {
            int capacity = 2 * m;
            movementLines = Arrays.copyOf(movementLines, capacity);
            movementTypes = Arrays.copyOf(movementTypes, capacity);
            movementBundled = Arrays.copyOf(movementBundled, capacity);
        }
        int entry = movementEntry(m);
        if (entry == scales.length) {
            scales = Arrays.copyOf(scales, 2 * entry);
            values = Arrays.copyOf(values, 2 * entry * L);
        }
        movementLines[m] = line;
        movementTypes[m] = type;
        movementBundled[m] = bundleDriven;
        return entry;
    }

    private void keepTotal(int entry) {
        Fixed192.copy(totals, 0, values, L * entry);
        scales[entry] = totalBeforeScale;
    }

    /** The values of the entries, three longs each ({@link Fixed192}) at scale {@link #fixedScale()}. */
    public long[] values() {
        return values;
    }

    /** The scale of {@code entry}'s value as the timeline's {@code BigDecimal} has it. */
    public int scale(int entry) {
        return scales[entry];
    }

    /** The sign of {@code entry}'s value. */
    public int signum(int entry) {
        return Fixed192.signum(values, L * entry);
    }

    /** The common scale of every value: {@code v} stands for {@code v * 10^-fixedScale()}. */
    public int fixedScale() {
        return amounts.scale();
    }

    /** Whether the customer holds {@code line} (MRR above zero) on the end-state day. */
    public boolean holdsAtEnd(int line) {
        return Fixed192.signum(before, L * line) > 0;
    }

    /** The movements of the customer in the window: days after the start-state day up to the end-state day. */
    public int movementCount() {
        return movements;
    }

    public int line(int movement) {
        return movementLines[movement];
    }

    public MovementType type(int movement) {
        return movementTypes[movement];
    }

    public boolean bundleDriven(int movement) {
        return movementBundled[movement];
    }

    /** The entry of movement {@code movement}'s amount. */
    public static int movementEntry(int movement) {
        return 2 + movement;
    }
}
