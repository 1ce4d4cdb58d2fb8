package io.xsell.ingestion.csv;

/** One data record's cells and the physical line it starts on. */
final class Row {
    private final String[] cells;
    private final int line;
    private final boolean badText;

    /** @param badText some cell holds U+FFFD, which is what undecodable bytes became */
    Row(String[] cells, int line, boolean badText) {
        this.cells = cells;
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
        return cells.length;
    }

    /** The untrimmed cell at {@code index}. */
    String raw(int index) {
        return cells[index];
    }

    /** An empty line: one empty cell. */
    boolean isBlank() {
        return cells.length == 1 && cells[0].isEmpty();
    }

    /** The trimmed cell, or null when the column is absent or the cell is empty (empty means absent). */
    String cell(Col col) {
        if (!col.present()) {
            return null;
        }
        String value = cells[col.index()].trim();
        return value.isEmpty() ? null : value;
    }
}
