package io.xsell.core.analytics;

import java.util.Arrays;

/**
 * A growable list of primitive ints (day counts). A million customers' samples as boxed
 * Integers would cost several times the memory and the time to sort them.
 */
final class IntSamples {
    private int[] values = new int[8];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(IntSamples other) {
        if (other == null || other.size == 0) {
            return;
        }
        if (size + other.size > values.length) {
            values = Arrays.copyOf(values, Math.max(size + other.size, values.length * 2));
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
    }

    int size() {
        return size;
    }

    /** A sorted copy of the samples. */
    int[] sorted() {
        int[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
