package io.xsell.core.model;

import java.util.Arrays;

/**
 * Ints appended one after the other, held in blocks of {@value #BLOCK} so that growing never copies
 * what is already held: a column of millions of rows grown by copying allocates about three times
 * its size in arrays large enough for the collector to place each outside the young generation. One
 * exact array is made at the end ({@link #drain}, or {@link #drainNarrow} for a column kept narrow).
 *
 * <p>A block holds a byte per value while its values fit in one (0 to 255), two bytes while they fit
 * in those (0 to 65,535), else an int: only the block that meets a wider value is widened, and a new
 * block starts as wide as the one before it. Dictionary codes and lengths are mostly small, and the
 * blocks of an import's columns live until its end, long enough to reach the old generation: there
 * they weigh a byte or two per row instead of four. Not thread-safe.
 */
public final class IntSequence {
    private static final int SHIFT = 16;
    /** Values per block: at most 256 KB, well under the size at which G1 treats an array as humongous. */
    static final int BLOCK = 1 << SHIFT;
    private static final int MASK = BLOCK - 1;
    private static final int FIRST = 64;

    // block k is in exactly one of these, at the width its values have needed so far
    private byte[][] bytes;
    private short[][] shorts;
    private int[][] ints;
    // the block being filled: exactly one is not null
    private byte[] lastBytes;
    private short[] lastShorts;
    private int[] lastInts;
    private int size;
    private int min;
    private int max;

    public IntSequence() {
        reset();
    }

    private void reset() {
        bytes = new byte[4][];
        shorts = new short[4][];
        ints = new int[4][];
        lastBytes = bytes[0] = new byte[FIRST]; // only the first block starts small
        lastShorts = null;
        lastInts = null;
        size = 0;
        min = Integer.MAX_VALUE;
        max = Integer.MIN_VALUE;
    }

    /** Appends {@code value}. */
    public void add(int value) {
        if (size == Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a sequence holds at most " + size + " ints");
        }
        int at = size & MASK;
        if (at == 0 && size > 0) {
            newBlock(); // the last block is full
        } else if (at == capacity()) {
            growFirst(Math.min(BLOCK, 4 * at));
        }
        if (lastBytes != null && (value & ~0xFF) == 0) {
            lastBytes[at] = (byte) value;
        } else if (lastShorts != null && (value & ~0xFFFF) == 0) {
            lastShorts[at] = (short) value;
        } else if (lastInts != null) {
            lastInts[at] = value;
        } else {
            widen(at, value);
        }
        min = Math.min(min, value);
        max = Math.max(max, value);
        size++;
    }

    private int capacity() {
        return lastBytes != null ? lastBytes.length : lastShorts != null ? lastShorts.length : lastInts.length;
    }

    private void growFirst(int length) {
        if (lastBytes != null) {
            lastBytes = bytes[0] = Arrays.copyOf(lastBytes, length);
        } else if (lastShorts != null) {
            lastShorts = shorts[0] = Arrays.copyOf(lastShorts, length);
        } else {
            lastInts = ints[0] = Arrays.copyOf(lastInts, length);
        }
    }

    private void newBlock() {
        int block = size >>> SHIFT;
        if (block == bytes.length) {
            bytes = Arrays.copyOf(bytes, 2 * block);
            shorts = Arrays.copyOf(shorts, 2 * block);
            ints = Arrays.copyOf(ints, 2 * block);
        }
        // as wide as the block before: a column that needed two bytes will mostly need them again
        if (lastBytes != null) {
            lastBytes = bytes[block] = new byte[BLOCK];
        } else if (lastShorts != null) {
            lastShorts = shorts[block] = new short[BLOCK];
        } else {
            lastInts = ints[block] = new int[BLOCK];
        }
    }

    // The last block's first `at` values into a block wide enough for `value`, which goes at `at`.
    private void widen(int at, int value) {
        int block = size >>> SHIFT;
        int length = capacity();
        if ((value & ~0xFFFF) == 0) { // from bytes to shorts
            short[] wider = new short[length];
            for (int i = 0; i < at; i++) {
                wider[i] = (short) (lastBytes[i] & 0xFF);
            }
            wider[at] = (short) value;
            lastShorts = shorts[block] = wider;
        } else {
            int[] wider = new int[length];
            copyBlock(block, 0, at, wider, 0);
            wider[at] = value;
            lastInts = ints[block] = wider;
            lastShorts = shorts[block] = null;
        }
        lastBytes = bytes[block] = null;
    }

    /** The int at {@code index}, 0 ≤ index < {@link #size}. */
    public int get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        int block = index >>> SHIFT;
        byte[] b = bytes[block];
        if (b != null) {
            return b[index & MASK] & 0xFF;
        }
        short[] s = shorts[block];
        return s != null ? s[index & MASK] & 0xFFFF : ints[block][index & MASK];
    }

    public int size() {
        return size;
    }

    /** The smallest value appended; {@link Integer#MAX_VALUE} when none was. */
    int min() {
        return min;
    }

    /** The largest value appended; {@link Integer#MIN_VALUE} when none was. */
    int max() {
        return max;
    }

    /** Values {@code [from, to)} into {@code into[at, at + to - from)}; a block's width is looked at once. */
    void copyTo(int from, int to, int[] into, int at) {
        while (from < to) {
            int n = Math.min(to - from, BLOCK - (from & MASK));
            copyBlock(from >>> SHIFT, from & MASK, n, into, at);
            from += n;
            at += n;
        }
    }

    private void copyBlock(int block, int from, int n, int[] into, int at) {
        byte[] b = bytes[block];
        short[] s = shorts[block];
        if (b != null) {
            for (int i = 0; i < n; i++) {
                into[at + i] = b[from + i] & 0xFF;
            }
        } else if (s != null) {
            for (int i = 0; i < n; i++) {
                into[at + i] = s[from + i] & 0xFFFF;
            }
        } else {
            System.arraycopy(ints[block], from, into, at, n);
        }
    }

    /** Bytes held in blocks, arrays' headers aside: what the width of the values costs while appending. */
    long heldBytes() {
        long held = 0;
        for (int block = 0; block < bytes.length; block++) {
            held += bytes[block] != null ? bytes[block].length
                    : shorts[block] != null ? 2L * shorts[block].length : ints[block] != null ? 4L * ints[block].length : 0;
        }
        return held;
    }

    /**
     * The ints appended, in order, in one array of their number; the sequence is empty afterwards, so
     * that a column's blocks and its array are not both held for long.
     */
    public int[] drain() {
        int[] all = new int[size];
        copyTo(0, size, all, 0);
        release();
        return all;
    }

    /**
     * The ints appended, in order, as {@link NarrowInts#of(int[], int)} would keep {@link #drain}'s
     * array, without making that array; the sequence is empty afterwards.
     */
    NarrowInts drainNarrow() {
        NarrowInts narrow = NarrowInts.of(this);
        release();
        return narrow;
    }

    private void release() {
        // nothing left pointing at a block, however long this sequence lives
        Arrays.fill(bytes, null);
        Arrays.fill(shorts, null);
        Arrays.fill(ints, null);
        reset();
    }
}
