package io.xsell.ingestion.csv;

import org.apache.commons.csv.CSVRecord;

/** One data record and the physical line it starts on. */
final class Row {
    private final CSVRecord record;
    private final int line;

    Row(CSVRecord record, int line) {
        this.record = record;
        this.line = line;
    }

    int line() {
        return line;
    }

    /** The trimmed cell, or null when the column is absent or the cell is empty (empty means absent). */
    String cell(Col col) {
        if (!col.present()) {
            return null;
        }
        String value = record.get(col.index()).trim();
        return value.isEmpty() ? null : value;
    }
}
