package io.xsell.core.mrr;

/**
 * The days on which one customer's items start or stop earning, in order: the only days its MRR by
 * line can change. For each day, the items that start on it, then those that end on it. Reusable
 * from one customer to the next (its arrays only grow), so a pass over a million customers
 * allocates almost nothing; not thread-safe.
 *
 * <pre>{@code
 * days.reset(items, first, limit);
 * while (days.next()) {
 *     for (int k; (k = days.nextStart()) >= 0; ) { ... item k starts earning on days.day() ... }
 *     for (int k; (k = days.nextEnd()) >= 0; ) { ... item k stops earning on days.day() ... }
 * }
 * }</pre>
 */
final class ChangeDays {
    private int[] ownStarts = new int[8];
    private int[] ownEnds = new int[8];
    private int[] starts;
    private int[] ends;
    private int[] byEnd = new int[8];
    private int first;
    private int n;
    private int si;
    private int ei;
    private int day;

    /** Starts over with the items {@code [first, limit)} of {@code items}, ordered by start. */
    void reset(PricedItemColumns items, int first, int limit) {
        int count = limit - first;
        if (ownStarts.length < count) {
            int capacity = Math.max(count, 2 * ownStarts.length);
            ownStarts = new int[capacity];
            ownEnds = new int[capacity];
        }
        items.daysInto(first, limit, ownStarts, ownEnds);
        reset(ownStarts, ownEnds, first, count);
    }

    /**
     * Starts over with {@code count} items whose start and end days are {@code starts[0, count)} and
     * {@code ends[0, count)} (ordered by start), the first of them item {@code first} of the columns:
     * for a caller that has read the items' columns itself. The arrays are read, not copied, until the
     * next reset.
     */
    void reset(int[] starts, int[] ends, int first, int count) {
        if (byEnd.length < count) {
            byEnd = new int[Math.max(count, 2 * byEnd.length)];
        }
        this.starts = starts;
        this.ends = ends;
        endOrder(count);
        this.first = first;
        this.n = count;
        this.si = 0;
        this.ei = 0;
    }

    /**
     * Item indices by end day. Customers hold a handful of items whose ends mostly follow their
     * starts, so an insertion sort of primitives beats boxing and a general sort by far.
     */
    private void endOrder(int count) {
        for (int i = 0; i < count; i++) {
            int end = ends[i];
            int j = i;
            for (; j > 0 && ends[byEnd[j - 1]] > end; j--) {
                byEnd[j] = byEnd[j - 1];
            }
            byEnd[j] = i;
        }
    }

    /** Moves to the next day on which an item starts or ends; false when there is none. */
    boolean next() {
        boolean moreStarts = si < n;
        if (!moreStarts && (ei >= n || ends[byEnd[ei]] == PricedItem.OPEN)) {
            return false;
        }
        int nextStart = moreStarts ? starts[si] : PricedItem.OPEN;
        int nextEnd = ei < n ? ends[byEnd[ei]] : PricedItem.OPEN;
        day = Math.min(nextStart, nextEnd);
        return true;
    }

    /** The current day (epoch day). */
    int day() {
        return day;
    }

    /** The next item (index in the columns) that starts earning on {@link #day()}, or -1. */
    int nextStart() {
        return si < n && starts[si] == day ? first + si++ : -1;
    }

    /** The next item (index in the columns) that stops earning on {@link #day()}, or -1; after the starts. */
    int nextEnd() {
        return ei < n && ends[byEnd[ei]] == day ? first + byEnd[ei++] : -1;
    }
}
