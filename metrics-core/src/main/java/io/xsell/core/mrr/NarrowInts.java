package io.xsell.core.mrr;

import io.xsell.core.model.HeapFootprint;

/**
 * Non-negative ints below a known bound, held in the narrowest array that fits them: a byte each
 * below 256, two bytes below 65,536, else four. A ledger's line indices and amount codes are small
 * numbers repeated millions of times, so the width is most of what they cost. Read unsigned.
 */
final class NarrowInts {
    private static final int BYTE_LIMIT = 1 << 8;
    private static final int SHORT_LIMIT = 1 << 16;

    private final byte[] bytes;
    private final short[] shorts;
    private final int[] ints;

    private NarrowInts(byte[] bytes, short[] shorts, int[] ints) {
        this.bytes = bytes;
        this.shorts = shorts;
        this.ints = ints;
    }

    /** {@code values[0, length)}, every one in {@code [0, bound)}. */
    static NarrowInts of(int[] values, int length, int bound) {
        if (bound <= BYTE_LIMIT) {
            byte[] narrow = new byte[length];
            for (int i = 0; i < length; i++) {
                narrow[i] = (byte) check(values[i], bound);
            }
            return new NarrowInts(narrow, null, null);
        }
        if (bound <= SHORT_LIMIT) {
            short[] narrow = new short[length];
            for (int i = 0; i < length; i++) {
                narrow[i] = (short) check(values[i], bound);
            }
            return new NarrowInts(null, narrow, null);
        }
        int[] copy = new int[length];
        for (int i = 0; i < length; i++) {
            copy[i] = check(values[i], bound);
        }
        return new NarrowInts(null, null, copy);
    }

    private static int check(int value, int bound) {
        if (value < 0 || value >= bound) {
            throw new IllegalArgumentException(value + " is outside [0, " + bound + ")");
        }
        return value;
    }

    int get(int i) {
        if (bytes != null) {
            return bytes[i] & 0xFF;
        }
        if (shorts != null) {
            return shorts[i] & 0xFFFF;
        }
        return ints[i];
    }

    /** Bytes per value: 1, 2 or 4. */
    int width() {
        return bytes != null ? 1 : shorts != null ? 2 : 4;
    }

    /** This object and its array, as {@link HeapFootprint} lays them out (a short[] is a byte[] of twice the length). */
    long retainedBytes() {
        long array = bytes != null ? HeapFootprint.byteArray(bytes.length)
                : shorts != null ? HeapFootprint.byteArray(2 * shorts.length) : HeapFootprint.intArray(ints.length);
        return HeapFootprint.object(3 * HeapFootprint.REF) + array;
    }
}
