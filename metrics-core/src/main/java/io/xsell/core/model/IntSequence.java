package io.xsell.core.model;

import java.util.Arrays;

/**
 * Ints appended one after the other, held in blocks of {@value #BLOCK} so that growing never copies
 * what is already held: a column of millions of rows grown by copying allocates about three times
 * its size in arrays large enough for the collector to place each outside the young generation. One
 * exact array is made at the end ({@link #drain}). Not thread-safe.
 */
public final class IntSequence {
    private static final int SHIFT = 16;
    /** Ints per block: 256 KB, well under the size at which G1 treats an array as humongous. */
    static final int BLOCK = 1 << SHIFT;
    private static final int MASK = BLOCK - 1;

    private int[][] blocks = new int[4][];
    private int[] last = new int[64];
    private int size;

    public IntSequence() {
        blocks[0] = last;
    }

    /** Appends {@code value}. */
    public void add(int value) {
        if (size == Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a sequence holds at most " + size + " ints");
        }
        int at = size & MASK;
        if (at == 0 && size > 0) {
            newBlock(); // the last block is full
        } else if (at == last.length) {
            last = Arrays.copyOf(last, Math.min(BLOCK, 4 * at)); // only the first block starts small
            blocks[0] = last;
        }
        last[at] = value;
        size++;
    }

    private void newBlock() {
        int block = size >>> SHIFT;
        if (block == blocks.length) {
            blocks = Arrays.copyOf(blocks, 2 * block);
        }
        last = new int[BLOCK];
        blocks[block] = last;
    }

    /** The int at {@code index}, 0 ≤ index < {@link #size}. */
    public int get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return blocks[index >>> SHIFT][index & MASK];
    }

    public int size() {
        return size;
    }

    /**
     * The ints appended, in order, in one array of their number; the sequence is empty afterwards, so
     * that a column's blocks and its array are not both held for long.
     */
    public int[] drain() {
        int[] all = new int[size];
        for (int from = 0; from < size; from += BLOCK) {
            System.arraycopy(blocks[from >>> SHIFT], 0, all, from, Math.min(BLOCK, size - from));
        }
        Arrays.fill(blocks, null); // nothing left pointing at a block, however long this sequence lives
        blocks = new int[4][];
        last = new int[64];
        blocks[0] = last;
        size = 0;
        return all;
    }
}
