package io.xsell.core.model;

import java.util.Arrays;

/**
 * Non-negative ints stored in the narrowest array that holds the largest of them: a byte each up
 * to 255, a char (unsigned 16 bits) up to 65,535, an int beyond. Dictionary codes and row indices
 * of a tenant's columns are mostly small, so this quarters or halves what an {@code int[]} takes.
 * Immutable once built.
 */
public final class NarrowInts {
    private final byte[] bytes;
    private final char[] chars;
    private final int[] ints;
    private final int size;

    private NarrowInts(byte[] bytes, char[] chars, int[] ints, int size) {
        this.bytes = bytes;
        this.chars = chars;
        this.ints = ints;
        this.size = size;
    }

    /**
     * The first {@code size} of {@code values}, narrowed; {@code values} is copied or kept as is
     * (then the caller must not change it).
     *
     * @throws IllegalArgumentException when a value is negative
     */
    public static NarrowInts of(int[] values, int size) {
        int max = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] < 0) {
                throw new IllegalArgumentException("value " + values[i] + " at " + i + " is negative");
            }
            max = Math.max(max, values[i]);
        }
        return of(values, size, max);
    }

    /** As {@link #of(int[], int)}, for a caller that knows every value is in {@code [0, max]}. */
    static NarrowInts of(int[] values, int size, int max) {
        if (max <= 0xFF) {
            byte[] b = new byte[size];
            for (int i = 0; i < size; i++) {
                b[i] = (byte) values[i];
            }
            return new NarrowInts(b, null, null, size);
        }
        if (max <= 0xFFFF) {
            char[] c = new char[size];
            for (int i = 0; i < size; i++) {
                c[i] = (char) values[i];
            }
            return new NarrowInts(null, c, null, size);
        }
        return new NarrowInts(null, null, values.length == size ? values : Arrays.copyOf(values, size), size);
    }

    public int get(int index) {
        if (bytes != null) {
            return bytes[index] & 0xFF;
        }
        return chars != null ? chars[index] : ints[index];
    }

    public int size() {
        return size;
    }

    /** The heap this holds: the object and its one array. */
    public long retainedBytes() {
        long array = bytes != null ? HeapFootprint.byteArray(size)
                : chars != null ? HeapFootprint.byteArray(2 * size) : HeapFootprint.intArray(size);
        return HeapFootprint.object(3 * HeapFootprint.REF + 4) + array;
    }
}
