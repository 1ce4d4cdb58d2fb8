package io.xsell.core.model;

/**
 * Ints held as their distance from the smallest of them, in the narrowest array that fits the
 * spread: one byte each below 256, two below 65,536, three below 16,777,216, else the ints
 * themselves. A tenant's dictionary codes, line indices, days and lengths are small numbers (or
 * close together) repeated millions of times, so the width is most of what they cost. Immutable.
 */
public final class NarrowInts {
    private final int base;
    private final int width;
    private final byte[] bytes; // widths 1 and 3
    private final short[] shorts;
    private final int[] ints;
    private final int size;

    private NarrowInts(int base, int width, byte[] bytes, short[] shorts, int[] ints) {
        this.size = ints != null ? ints.length : shorts != null ? shorts.length : bytes.length / width;
        this.base = base;
        this.width = width;
        this.bytes = bytes;
        this.shorts = shorts;
        this.ints = ints;
    }

    /** {@code values[0, length)}. */
    public static NarrowInts of(int[] values, int length) {
        long min = Integer.MAX_VALUE;
        long max = Integer.MIN_VALUE;
        for (int i = 0; i < length; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        long spread = length == 0 ? 0 : max - min;
        int base = length == 0 ? 0 : (int) min;
        if (spread < 1L << 8) {
            byte[] narrow = new byte[length];
            for (int i = 0; i < length; i++) {
                narrow[i] = (byte) (values[i] - base);
            }
            return new NarrowInts(base, 1, narrow, null, null);
        }
        if (spread < 1L << 16) {
            short[] narrow = new short[length];
            for (int i = 0; i < length; i++) {
                narrow[i] = (short) (values[i] - base);
            }
            return new NarrowInts(base, 2, null, narrow, null);
        }
        if (spread < 1L << 24) {
            byte[] narrow = new byte[3 * length];
            for (int i = 0; i < length; i++) {
                int offset = values[i] - base;
                narrow[3 * i] = (byte) offset;
                narrow[3 * i + 1] = (byte) (offset >>> 8);
                narrow[3 * i + 2] = (byte) (offset >>> 16);
            }
            return new NarrowInts(base, 3, narrow, null, null);
        }
        return new NarrowInts(0, 4, null, null, java.util.Arrays.copyOf(values, length));
    }

    /**
     * The values of {@code sequence}, kept as {@link #of(int[], int)} keeps them (the same base and
     * width), read from its blocks a few thousand at a time instead of from one array of them all.
     */
    static NarrowInts of(IntSequence sequence) {
        int length = sequence.size();
        long spread = length == 0 ? 0 : (long) sequence.max() - sequence.min();
        int base = length == 0 || spread >= 1L << 24 ? 0 : sequence.min();
        int width = spread < 1L << 8 ? 1 : spread < 1L << 16 ? 2 : spread < 1L << 24 ? 3 : 4;
        byte[] bytes = width == 1 || width == 3 ? new byte[width * length] : null;
        short[] shorts = width == 2 ? new short[length] : null;
        int[] ints = width == 4 ? new int[length] : null;
        int[] chunk = new int[Math.min(length, 4096)];
        for (int from = 0; from < length; from += chunk.length) {
            int n = Math.min(chunk.length, length - from);
            sequence.copyTo(from, from + n, chunk, 0);
            switch (width) {
                case 1 -> {
                    for (int i = 0; i < n; i++) {
                        bytes[from + i] = (byte) (chunk[i] - base);
                    }
                }
                case 2 -> {
                    for (int i = 0; i < n; i++) {
                        shorts[from + i] = (short) (chunk[i] - base);
                    }
                }
                case 3 -> {
                    for (int i = 0, at = 3 * from; i < n; i++, at += 3) {
                        int offset = chunk[i] - base;
                        bytes[at] = (byte) offset;
                        bytes[at + 1] = (byte) (offset >>> 8);
                        bytes[at + 2] = (byte) (offset >>> 16);
                    }
                }
                default -> System.arraycopy(chunk, 0, ints, from, n);
            }
        }
        return new NarrowInts(base, width, bytes, shorts, ints);
    }

    public int get(int i) {
        switch (width) {
            case 1:
                return base + (bytes[i] & 0xFF);
            case 2:
                return base + (shorts[i] & 0xFFFF);
            case 3:
                int at = 3 * i;
                return base + ((bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16);
            default:
                return ints[i];
        }
    }

    public int size() {
        return size;
    }

    /**
     * Values {@code [from, to)} into {@code into[0, to - from)}: the width is looked at once, then one
     * plain loop per width. Hot loops that read a few neighbouring values at a time (a customer's
     * items) read them this way rather than through {@link #get}, whose switch every column shares:
     * inlined into a loop, it brings all four widths along wherever it is called.
     */
    public void copyTo(int from, int to, int[] into) {
        int n = to - from;
        switch (width) {
            case 1 -> {
                for (int i = 0; i < n; i++) {
                    into[i] = base + (bytes[from + i] & 0xFF);
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    into[i] = base + (shorts[from + i] & 0xFFFF);
                }
            }
            case 3 -> {
                for (int i = 0, at = 3 * from; i < n; i++, at += 3) {
                    into[i] = base + ((bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16);
                }
            }
            default -> System.arraycopy(ints, from, into, 0, n);
        }
    }

    /** Every value, widened back to ints: a copy, for an image of the column (see {@link DatasetImage}). */
    public int[] toArray() {
        int[] values = new int[size];
        for (int i = 0; i < size; i++) {
            values[i] = get(i);
        }
        return values;
    }

    /** Bytes per value: 1 to 4. */
    public int width() {
        return width;
    }

    /** This object and its array, as {@link HeapFootprint} lays them out (a short[] as a byte[] of twice the length). */
    public long retainedBytes() {
        long array = bytes != null ? HeapFootprint.byteArray(bytes.length)
                : shorts != null ? HeapFootprint.byteArray(2 * shorts.length) : HeapFootprint.intArray(ints.length);
        return HeapFootprint.object(3 * 4 + 3 * HeapFootprint.REF) + array;
    }
}
