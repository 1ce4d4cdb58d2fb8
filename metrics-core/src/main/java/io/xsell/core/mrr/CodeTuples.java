package io.xsell.core.mrr;

/**
 * Tuples of a fixed number of ints (a row's dictionary codes) numbered 0, 1, 2, ... in the order
 * first seen: an open-addressing table whose slots hold the tuple itself after its number, side by
 * side in one {@code int[]}, so a lookup allocates nothing, compares a few ints where a map of
 * records would hash and compare objects, and mostly reads one cache line. Not thread-safe.
 */
final class CodeTuples {
    private final int width;
    private final int stride; // a slot: number + 1 (0: empty), then the tuple
    private int[] table;
    private int capacity;
    private int size;

    CodeTuples(int width) {
        this.width = width;
        this.stride = width + 1;
        this.capacity = 64;
        this.table = new int[capacity * stride];
    }

    /** The number of the tuple {@code key[0, width)}, numbering it {@link #size()} when it is new. */
    int number(int[] key) {
        int mask = capacity - 1;
        for (int slot = hash(key, 0) & mask; ; slot = (slot + 1) & mask) {
            int at = slot * stride;
            int number = table[at];
            if (number == 0) {
                table[at] = ++size;
                System.arraycopy(key, 0, table, at + 1, width);
                if (size * 2 > capacity) {
                    grow();
                }
                return size - 1;
            }
            if (holds(at + 1, key)) {
                return number - 1;
            }
        }
    }

    /** The number of tuples numbered so far. */
    int size() {
        return size;
    }

    private boolean holds(int at, int[] key) {
        for (int i = 0; i < width; i++) {
            if (table[at + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        int[] old = table;
        capacity *= 2;
        table = new int[capacity * stride];
        int mask = capacity - 1;
        for (int from = 0; from < old.length; from += stride) {
            if (old[from] != 0) {
                int slot = hash(old, from + 1) & mask;
                while (table[slot * stride] != 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, from, table, slot * stride, stride);
            }
        }
    }

    /** Every int mixed in by multiplication, the whole finished as murmur3 finishes. */
    private int hash(int[] values, int from) {
        long h = 0;
        for (int i = from; i < from + width; i++) {
            h = (h + values[i]) * 0x9E3779B97F4A7C15L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }
}
