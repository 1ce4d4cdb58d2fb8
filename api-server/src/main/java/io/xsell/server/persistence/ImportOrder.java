package io.xsell.server.persistence;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The rows of one source of one table, put back at their {@code seq}, the position they had in
 * their import. Restoring the order in memory spares the database a sort: PostgreSQL would
 * otherwise sort millions of rows, spilling to disk, whenever its statistics lag a bulk import.
 * A row is {@code width} cells kept side by side (a single object for a width of 1), so that rows
 * read as cells need no object of their own; the cells lie in chunks of {@value #CHUNK_ROWS} rows,
 * allocated as seqs reach them and never copied.
 */
final class ImportOrder {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK_ROWS = 1 << CHUNK_BITS;

    private final String table;
    private final String source;
    private final int width;
    private Object[][] chunks = new Object[16][];
    private final BitSet present = new BitSet();
    private int size;
    private int count;

    ImportOrder(String table, String source, int width) {
        this.table = table;
        this.source = source;
        this.width = width;
    }

    /** Puts the first {@code width} of {@code row} at {@code seq} (copied: {@code row} may be reused). */
    void put(int seq, Object[] row) {
        if (seq < 0) {
            throw corrupt("a negative seq " + seq);
        }
        if (present.get(seq)) {
            throw corrupt("seq " + seq + " twice");
        }
        int chunk = seq >>> CHUNK_BITS;
        if (chunk >= chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(chunk + 1, chunks.length * 2));
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new Object[CHUNK_ROWS * width];
        }
        present.set(seq);
        System.arraycopy(row, 0, chunks[chunk], (seq & (CHUNK_ROWS - 1)) * width, width);
        size = Math.max(size, seq + 1);
        count++;
    }

    /** One more than the largest seq put: the number of rows once {@link #forEach} finds no gap. */
    int size() {
        return size;
    }

    /** The number of rows put. */
    int count() {
        return count;
    }

    /**
     * Hands every row to {@code visitor} in seq order.
     *
     * @throws IllegalStateException when a seq between 0 and the largest is missing
     */
    void forEach(RowVisitor visitor) {
        if (count != size) {
            throw corrupt((size - count) + " gap(s) in seq 0.." + (size - 1));
        }
        for (int i = 0; i < size; i++) {
            visitor.row(chunks[i >>> CHUNK_BITS], (i & (CHUNK_ROWS - 1)) * width);
        }
    }

    /** One row: its cells are {@code cells[at]} to {@code cells[at + width - 1]}. */
    @FunctionalInterface
    interface RowVisitor {
        void row(Object[] cells, int at);
    }

    private IllegalStateException corrupt(String problem) {
        return new IllegalStateException("stored rows of " + table + " from source '" + source + "' have " + problem);
    }
}
