package io.xsell.ingestion.csv;

/**
 * One data record's cells and the physical line it starts on: a view of its part of its chunk's
 * characters ({@link ChunkCells}). A cell becomes a string only when asked for one ({@link #raw});
 * {@link #range} points at it where it lies.
 */
final class Row {
    private final ChunkCells chunk;
    private final int first;
    private final int size;
    private final int line;
    private final boolean badText;

    /** @param badText some cell holds U+FFFD, which is what undecodable bytes became */
    Row(ChunkCells chunk, int first, int size, int line, boolean badText) {
        this.chunk = chunk;
        this.first = first;
        this.size = size;
        this.line = line;
        this.badText = badText;
    }

    boolean badText() {
        return badText;
    }

    int line() {
        return line;
    }

    int size() {
        return size;
    }

    /** The untrimmed cell at {@code index}. */
    String raw(int index) {
        int cell = first + index;
        return new String(chunk.chars(), chunk.start(cell), chunk.end(cell) - chunk.start(cell));
    }

    /** An empty line: one empty cell. */
    boolean isBlank() {
        return size == 1 && chunk.end(first) == chunk.start(first);
    }

    /**
     * Points {@code range} at the trimmed cell (trimmed as {@link String#trim} trims); false, leaving it
     * as it was, when the column is absent or the cell is empty.
     */
    boolean range(Col col, CellRange range) {
        if (!col.present()) {
            return false;
        }
        int cell = first + col.index();
        char[] chars = chunk.chars();
        int from = chunk.start(cell);
        int to = chunk.end(cell);
        while (from < to && chars[from] <= ' ') {
            from++;
        }
        while (to > from && chars[to - 1] <= ' ') {
            to--;
        }
        if (from == to) {
            return false;
        }
        range.set(chars, from, to);
        return true;
    }
}
