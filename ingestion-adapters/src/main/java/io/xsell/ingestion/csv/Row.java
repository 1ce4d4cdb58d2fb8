package io.xsell.ingestion.csv;

/**
 * One data record's cells and the physical line it starts on, read where they lie in their chunk
 * ({@link ChunkCells}). A cursor: {@link #at} points it at one record after another, so a chunk of
 * thousands of records needs one per thread, not one per record; whoever is handed one reads it
 * before it is moved on. A cell becomes a string only when asked for one ({@link #raw}); {@link #range}
 * points at it where it lies.
 */
final class Row {
    private ChunkCells chunk;
    private int first;
    private int size;
    private int line;
    private boolean badText;

    /** This cursor pointed at {@code chunk}'s record {@code record}. */
    Row at(ChunkCells chunk, int record) {
        this.chunk = chunk;
        this.first = chunk.firstCell(record);
        this.size = chunk.cellCount(record);
        this.line = chunk.line(record);
        this.badText = chunk.badText(record);
        return this;
    }

    /** Some cell holds U+FFFD, which is what undecodable bytes became. */
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
