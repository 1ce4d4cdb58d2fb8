package io.xsell.core.mrr;

import io.xsell.core.model.DistinctValues;
import io.xsell.core.model.NarrowInts;
import io.xsell.core.model.HeapFootprint;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A ledger's priced items held column by column, customer after customer: customer {@code c}'s
 * items are {@code [first(c), limit(c))}, ordered by the day they start earning. A {@link PricedItem}
 * object per item (header, fields, a reference per item in its customer's array) weighed about 40
 * bytes; the columns weigh about 11 with the offsets and distinct amounts, and items are most of
 * the heap a priced tenant keeps. Every column is as narrow as its values allow ({@link NarrowInts}):
 * start days lie within a few thousand days of each other, and an end is held as the item's length
 * in days (0: open), which spans as few, where the end day itself would need four bytes.
 *
 * <p>Monthly amounts are codes into the distinct amounts: a tenant's items repeat a limited set of
 * prices (see {@link PriceMemo}). Amounts are told apart by {@code equals}, scale included, so
 * every item reads back the very value it was priced at and every sum is unchanged.
 */
final class PricedItemColumns {
    private final int[] firstItem;
    private final NarrowInts lines;
    private final NarrowInts activeFrom;
    private final NarrowInts ends;
    private final boolean endsAreLengths; // false only for lengths beyond an int: ends as they are
    private final NarrowInts monthlyCodes;
    private final BigDecimal[] amounts;
    private final long[] bundled;
    private volatile FixedAmounts fixedAmounts; // built on first use

    private PricedItemColumns(int[] firstItem, NarrowInts lines, NarrowInts activeFrom, NarrowInts ends,
                        boolean endsAreLengths, NarrowInts monthlyCodes, BigDecimal[] amounts, long[] bundled) {
        this.firstItem = firstItem;
        this.lines = lines;
        this.activeFrom = activeFrom;
        this.ends = ends;
        this.endsAreLengths = endsAreLengths;
        this.monthlyCodes = monthlyCodes;
        this.amounts = amounts;
        this.bundled = bundled;
    }

    /** Columns of items already grouped by customer and ordered by start within each. */
    static PricedItemColumns of(PricedItem[][] byCustomer) {
        int count = 0;
        for (PricedItem[] items : byCustomer) {
            count += items.length;
        }
        Builder builder = new Builder(count);
        for (int c = 0; c < byCustomer.length; c++) {
            for (PricedItem item : byCustomer[c]) {
                builder.add(c, item.line(), item.activeFrom(), item.end(), item.monthly(), item.bundled());
            }
        }
        return builder.build(byCustomer.length);
    }

    /**
     * The columns of {@code image} for a ledger of {@code customers} customers and {@code lines} lines.
     *
     * @throws IllegalArgumentException naming the column and row that do not fit
     */
    static PricedItemColumns of(PricedItemsImage image, int customers, int lines) {
        int[] line = image.line();
        int rows = line == null ? 0 : line.length;
        LedgerImageCheck.offsets("priced item offsets", image.firstItem(), customers, rows);
        LedgerImageCheck.length("priced item line", line, rows);
        LedgerImageCheck.length("priced item start", image.activeFrom(), rows);
        LedgerImageCheck.length("priced item end", image.end(), rows);
        LedgerImageCheck.length("priced item amount code", image.monthlyCode(), rows);
        LedgerImageCheck.codes("priced item amount code", image.monthlyCode(), image.amounts());
        long[] bundled = image.bundled();
        if (bundled == null || bundled.length != (rows + 63) >>> 6
                || (rows & 63) != 0 && bundled[bundled.length - 1] >>> (rows & 63) != 0) {
            throw new IllegalArgumentException("priced item bundled: one bit for each of " + rows + " items is required");
        }
        int[] from = image.activeFrom();
        int[] end = image.end();
        int[] lengths = new int[rows];
        boolean lengthsFit = true;
        int[] firstItem = image.firstItem();
        for (int c = 0; c < customers; c++) {
            for (int k = firstItem[c]; k < firstItem[c + 1]; k++) {
                if (line[k] < 0 || line[k] >= lines || from[k] >= end[k] || k > firstItem[c] && from[k] < from[k - 1]) {
                    throw new IllegalArgumentException("priced item " + k + " (line " + line[k] + ", days " + from[k]
                            + " to " + end[k] + ") does not fit the " + lines + " lines or its customer's order");
                }
                long length = end[k] == PricedItem.OPEN ? 0 : (long) end[k] - from[k];
                lengthsFit &= length <= Integer.MAX_VALUE;
                lengths[k] = (int) length;
            }
        }
        return new PricedItemColumns(firstItem.clone(), NarrowInts.of(line, rows), NarrowInts.of(from, rows),
                NarrowInts.of(lengthsFit ? lengths : end, rows), lengthsFit, NarrowInts.of(image.monthlyCode(), rows),
                image.amounts().toArray(new BigDecimal[0]), bundled.clone());
    }

    /** The columns as plain arrays (copies). */
    PricedItemsImage image() {
        int rows = lines.size();
        int[] end = new int[rows];
        for (int k = 0; k < rows; k++) {
            end[k] = endOf(k);
        }
        return new PricedItemsImage(firstItem.clone(), lines.toArray(), activeFrom.toArray(), end,
                monthlyCodes.toArray(), List.of(amounts), bundled.clone());
    }

    /** Index of the customer's first item. */
    int first(int customer) {
        return firstItem[customer];
    }

    /** Index after the customer's last item. */
    int limit(int customer) {
        return firstItem[customer + 1];
    }

    int lineOf(int item) {
        return lines.get(item);
    }

    int activeFromOf(int item) {
        return activeFrom.get(item);
    }

    int endOf(int item) {
        if (!endsAreLengths) {
            return ends.get(item);
        }
        int length = ends.get(item);
        return length == 0 ? PricedItem.OPEN : activeFrom.get(item) + length;
    }

    /**
     * The columns a window scan reads, in this order: line, amount code, start day and end, the end
     * as {@link #endsAreLengths()} says; read through one call site ({@link NarrowInts#copyTo}) in a
     * loop over them, the scan's compiled code holds one copy of the column reading, not four.
     */
    NarrowInts[] scanColumns() {
        return new NarrowInts[] {lines, monthlyCodes, activeFrom, ends};
    }

    /** Whether the end column holds lengths in days (0: open) rather than end days. */
    boolean endsAreLengths() {
        return endsAreLengths;
    }

    /**
     * The days items {@code [first, limit)} start earning into {@code starts[0, limit - first)} and
     * their ends ({@link #endOf}) into {@code ends}.
     */
    void daysInto(int first, int limit, int[] starts, int[] ends) {
        activeFrom.copyTo(first, limit, starts);
        this.ends.copyTo(first, limit, ends);
        if (endsAreLengths) {
            for (int i = 0, n = limit - first; i < n; i++) {
                ends[i] = ends[i] == 0 ? PricedItem.OPEN : starts[i] + ends[i];
            }
        }
    }

    BigDecimal monthlyOf(int item) {
        return amounts[monthlyCodes.get(item)];
    }

    /** The code of the item's monthly amount: its index among the distinct amounts. */
    int codeOf(int item) {
        return monthlyCodes.get(item);
    }

    /**
     * The distinct amounts in fixed point, built on the first call (a window report's, or
     * {@link #addTo}'s); {@link FixedAmounts#representable()} says whether there is such a form.
     */
    FixedAmounts fixedAmounts() {
        FixedAmounts fixed = fixedAmounts;
        if (fixed == null) {
            fixed = FixedAmounts.of(amounts);
            fixedAmounts = fixed;
        }
        return fixed;
    }

    boolean bundledOf(int item) {
        return (bundled[item >>> 6] & (1L << item)) != 0;
    }

    PricedItem item(int item) {
        return new PricedItem(lineOf(item), activeFromOf(item), endOf(item), monthlyOf(item), bundledOf(item));
    }

    /** The distinct monthly amounts. */
    int amountCount() {
        return amounts.length;
    }

    /** Bytes per line index, start day, end and amount code. */
    int[] widths() {
        return new int[] {lines.width(), activeFrom.width(), ends.width(), monthlyCodes.width()};
    }

    /** Adds the columns, the distinct amounts (through {@code f}, so each once) and this object. */
    void addTo(HeapFootprint f) {
        f.add(HeapFootprint.object(8 * HeapFootprint.REF + 1)).add(HeapFootprint.intArray(firstItem.length))
                .add(lines.retainedBytes()).add(activeFrom.retainedBytes())
                .add(ends.retainedBytes()).add(monthlyCodes.retainedBytes())
                .add(HeapFootprint.referenceArray(amounts.length)).add(HeapFootprint.longArray(bundled.length))
                .add(fixedAmounts().retainedBytes());
        for (BigDecimal amount : amounts) {
            f.decimal(amount);
        }
    }

    /**
     * Collects items in any customer order (pricing follows the dataset's order), then groups them
     * by customer, keeping the order they came in among items that start on the same day.
     */
    static final class Builder {
        private int[] customer;
        private int[] line;
        private int[] from;
        private int[] until;
        private int[] code;
        private boolean[] inBundle;
        private final int start; // the first index this builder writes: 0, or where a second half's items go
        private int size; // the index after the last item written
        private final DistinctValues<BigDecimal> amounts = new DistinctValues<>();

        Builder(int expected) {
            int capacity = Math.max(expected, 16);
            customer = new int[capacity];
            line = new int[capacity];
            from = new int[capacity];
            until = new int[capacity];
            code = new int[capacity];
            inBundle = new boolean[capacity];
            start = 0;
        }

        private Builder(Builder shared, int start) {
            customer = shared.customer;
            line = shared.line;
            from = shared.from;
            until = shared.until;
            code = shared.code;
            inBundle = shared.inBundle;
            this.start = start;
            this.size = start;
        }

        /**
         * A builder that writes its items into this one's arrays from index {@code start} on, for a
         * second thread pricing the rows from {@code start} on while this builder takes at most
         * {@code start} items (one per row before it); {@link #addAll} then moves them down in place,
         * where a builder of its own would have needed its own arrays and a copy. Neither may grow
         * past what this one was made for: {@link #add} checks.
         */
        Builder sharing(int start) {
            if (start < 0 || start > customer.length) {
                throw new IllegalArgumentException("no room from " + start + " in " + customer.length);
            }
            return new Builder(this, start);
        }

        void add(int customerIndex, int lineIndex, int activeFrom, int end, BigDecimal monthly, boolean bundled) {
            add(customerIndex, lineIndex, activeFrom, end, amountCode(monthly), bundled);
        }

        /**
         * The code of {@code monthly} among this builder's amounts, numbering it when it is new: a
         * caller that knows its amounts' codes adds items by code, without a lookup per item.
         */
        int amountCode(BigDecimal monthly) {
            return amounts.number(monthly);
        }

        /** Adds an item whose monthly amount has {@code amountCode} (from {@link #amountCode}). */
        void add(int customerIndex, int lineIndex, int activeFrom, int end, int amountCode, boolean bundled) {
            if (size == customer.length) {
                if (start > 0) {
                    throw new IllegalStateException("a sharing builder is full");
                }
                int capacity = size + (size >> 1);
                customer = Arrays.copyOf(customer, capacity);
                line = Arrays.copyOf(line, capacity);
                from = Arrays.copyOf(from, capacity);
                until = Arrays.copyOf(until, capacity);
                code = Arrays.copyOf(code, capacity);
                inBundle = Arrays.copyOf(inBundle, capacity);
            }
            customer[size] = customerIndex;
            line[size] = lineIndex;
            from[size] = activeFrom;
            until[size] = end;
            code[size] = amountCode;
            inBundle[size] = bundled;
            size++;
        }

        /** The index after the last item written. */
        int size() {
            return size;
        }

        /** Replaces the amount code {@code c} of every item from index {@code from} on by {@code codes[c]}. */
        void recode(int from, int[] codes) {
            for (int i = from; i < size; i++) {
                code[i] = codes[code[i]];
            }
        }

        /**
         * Adds {@code other}'s items after this one's, in their order. Its amounts are numbered here
         * in its own numbering order, which is the order its items first show them, so the amounts
         * come out numbered as if its items had been added one by one.
         */
        void addAll(Builder other) {
            List<BigDecimal> otherAmounts = other.amounts.values();
            int[] codeHere = new int[otherAmounts.size()];
            for (int k = 0; k < codeHere.length; k++) {
                codeHere[k] = amounts.number(otherAmounts.get(k));
            }
            if (other.customer == customer) { // other shares these arrays from other.start on: move its items down
                if (size > other.start) {
                    throw new IllegalStateException("this builder wrote past where the sharing one starts");
                }
                for (int i = other.start; i < other.size; i++, size++) { // size <= i: each is read before written over
                    customer[size] = customer[i];
                    line[size] = line[i];
                    from[size] = from[i];
                    until[size] = until[i];
                    code[size] = codeHere[code[i]];
                    inBundle[size] = inBundle[i];
                }
                other.release(); // its items are this one's now
                return;
            }
            for (int i = other.start; i < other.size; i++) {
                add(other.customer[i], other.line[i], other.from[i], other.until[i], codeHere[other.code[i]],
                        other.inBundle[i]);
            }
        }

        PricedItemColumns build(int customerCount) {
            int[] firstItem = ByCustomer.offsets(customer, size, customerCount);
            int[] order = ByCustomer.order(customer, size, firstItem);
            for (int c = 0; c < customerCount; c++) {
                sortByStart(order, firstItem[c], firstItem[c + 1]);
            }
            // one column at a time through one scratch array, the customers' (read no more): each is
            // narrowed before the next is laid out
            int[] column = customer;
            customer = null;
            boolean lengthsFit = true;
            long[] bundledColumn = new long[(size + 63) >>> 6];
            for (int k = 0; k < size; k++) {
                int i = order[k];
                long length = until[i] == PricedItem.OPEN ? 0 : (long) until[i] - from[i];
                lengthsFit &= length <= Integer.MAX_VALUE;
                column[k] = (int) length;
                if (inBundle[i]) {
                    bundledColumn[k >>> 6] |= 1L << k;
                }
            }
            NarrowInts ends = lengthsFit ? NarrowInts.of(column, size) : NarrowInts.of(permuted(until, order, column), size);
            NarrowInts lineColumn = NarrowInts.of(permuted(line, order, column), size);
            NarrowInts startColumn = NarrowInts.of(permuted(from, order, column), size);
            NarrowInts codeColumn = NarrowInts.of(permuted(code, order, column), size);
            release();
            return new PricedItemColumns(firstItem, lineColumn, startColumn, ends, lengthsFit, codeColumn,
                    amounts.values().toArray(new BigDecimal[0]), bundledColumn);
        }

        /**
         * Lets go of the arrays: each is large enough for G1 to place it outside the young generation,
         * where it is freed at the next young collection only if no object, not even a dead builder
         * that was promoted while pricing, still points at it. The builder is not used afterwards.
         */
        private void release() {
            customer = null;
            line = null;
            from = null;
            until = null;
            code = null;
            inBundle = null;
        }

        /** True once the builder has let go of its arrays: built, or its items added to another. */
        boolean released() {
            return customer == null && line == null && from == null && until == null && code == null
                    && inBundle == null;
        }

        /** {@code values} in {@code order}, written into {@code into}. */
        private int[] permuted(int[] values, int[] order, int[] into) {
            for (int k = 0; k < size; k++) {
                into[k] = values[order[k]];
            }
            return into;
        }

        /** A stable sort of {@code order[lo, hi)} by start day: the keys carry the arrival index. */
        private void sortByStart(int[] order, int lo, int hi) {
            boolean sorted = true;
            for (int k = lo + 1; k < hi && sorted; k++) {
                sorted = from[order[k - 1]] <= from[order[k]];
            }
            if (sorted) {
                return;
            }
            if (hi - lo <= 16) { // a customer's few items: an insertion sort, stable, allocates nothing
                for (int k = lo + 1; k < hi; k++) {
                    int item = order[k];
                    int j = k - 1;
                    for (; j >= lo && from[order[j]] > from[item]; j--) {
                        order[j + 1] = order[j];
                    }
                    order[j + 1] = item;
                }
                return;
            }
            long[] keys = new long[hi - lo];
            for (int k = lo; k < hi; k++) {
                keys[k - lo] = (long) from[order[k]] << 32 | order[k];
            }
            Arrays.sort(keys);
            for (int k = lo; k < hi; k++) {
                order[k] = (int) keys[k - lo];
            }
        }
    }
}
