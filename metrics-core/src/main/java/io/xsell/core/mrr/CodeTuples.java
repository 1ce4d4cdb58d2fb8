package io.xsell.core.mrr;

import java.util.Arrays;

/**
 * Tuples of a fixed number of ints (a row's dictionary codes) numbered 0, 1, 2, ... in the order
 * first seen: an open-addressing table over the tuples kept side by side in one {@code int[]}, so a
 * lookup allocates nothing and compares ints where a map of records would hash and compare objects.
 * Not thread-safe.
 */
final class CodeTuples {
    private final int width;
    private int[] tuples;
    private int[] slots; // tuple number + 1; 0 for an empty slot
    private int size;

    CodeTuples(int width) {
        this.width = width;
        this.tuples = new int[width * 64];
        this.slots = new int[128];
    }

    /** The number of the tuple {@code key[0, width)}, numbering it {@link #size()} when it is new. */
    int number(int[] key) {
        int mask = slots.length - 1;
        for (int at = hash(key, 0) & mask; ; at = (at + 1) & mask) {
            int slot = slots[at];
            if (slot == 0) {
                return add(key, at);
            }
            if (Arrays.equals(tuples, (slot - 1) * width, slot * width, key, 0, width)) {
                return slot - 1;
            }
        }
    }

    /** The number of tuples numbered so far. */
    int size() {
        return size;
    }

    private int add(int[] key, int at) {
        if ((size + 1) * width > tuples.length) {
            tuples = Arrays.copyOf(tuples, tuples.length * 2);
        }
        System.arraycopy(key, 0, tuples, size * width, width);
        slots[at] = ++size;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return size - 1;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        int mask = capacity - 1;
        for (int n = 0; n < size; n++) {
            int at = hash(tuples, n * width) & mask;
            while (slots[at] != 0) {
                at = (at + 1) & mask;
            }
            slots[at] = n + 1;
        }
    }

    /** Every int mixed in by multiplication, the whole finished as murmur3 finishes (see {@link PriceMemo}). */
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
