package io.xsell.ingestion.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stands between the decoded text and the CSV parser and stops the reading, with a
 * {@link LimitExceeded}, as soon as a cell, a record or a record's cell count passes its bound. The
 * parser keeps the cell it is reading whole, so without this a single endless cell (a
 * decompression bomb needs only one) would be held in memory entire. It follows RFC 4180's quoting
 * itself, so it knows where cells and records end before the parser does, and counts physical
 * lines, so the error names the line on which the offending record starts even though the parser
 * reads ahead.
 */
final class BoundedCsvReader extends FilterReader {
    /** Characters of one cell, quotes included. */
    static final int CELL_MAX = 10_000;
    /** Characters of one record (one row), separators and line breaks included. */
    static final int RECORD_MAX = 1_000_000;
    /** Cells of one record. */
    static final int CELLS_MAX = 256;

    private boolean quoted;
    private boolean afterCr;
    private int cellChars;
    private int recordChars;
    private int cellIndex;
    private int line = 1;
    private int recordLine = 1;
    private boolean atRecordEnd;
    private int recordEnd = -1;

    BoundedCsvReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
            if (atRecordEnd) {
                recordEnd = offset + i + 1;
            }
        }
        return n;
    }

    /**
     * Where in the buffer of the last {@link #read(char[], int, int)} the last record that it completed
     * ends (after its line break, both characters of a CRLF), or -1 if it completed none; clears it.
     */
    int takeRecordEnd() {
        int end = recordEnd;
        recordEnd = -1;
        return end;
    }

    /** The physical line the reading has reached: 1 plus the line breaks read so far. */
    int line() {
        return line;
    }

    /** The physical line on which the record being read (or the next one) starts. */
    int recordLine() {
        return recordLine;
    }

    /** True while inside a quoted cell: at the end of the text, an unterminated quote. */
    boolean inQuotes() {
        return quoted;
    }

    private void see(char c) throws LimitExceeded {
        boolean lineBreak = c == '\r' || (c == '\n' && !afterCr);
        afterCr = c == '\r';
        if (c == '\n' && !lineBreak) {
            return; // the second half of a CRLF: a record that ended at its CR ends after it
        }
        atRecordEnd = false;
        if (lineBreak) {
            line++;
        }
        recordChars++;
        cellChars++;
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == ',') {
            cellIndex++;
            cellChars = 0;
            if (cellIndex >= CELLS_MAX) {
                throw new LimitExceeded(recordLine, -1, "the row has more than " + CELLS_MAX + " cells");
            }
        } else if (!quoted && lineBreak) {
            cellChars = 0;
            recordChars = 0;
            cellIndex = 0;
            recordLine = line;
            atRecordEnd = true;
        }
        if (cellChars > CELL_MAX) {
            throw new LimitExceeded(recordLine, cellIndex, "the cell is longer than " + CELL_MAX + " characters");
        }
        if (recordChars > RECORD_MAX) {
            throw new LimitExceeded(recordLine, -1, "the row is longer than " + RECORD_MAX + " characters");
        }
    }

    /** A bound was passed; the file is not read further. */
    static final class LimitExceeded extends IOException {
        private final int line;
        private final int cellIndex;

        LimitExceeded(int line, int cellIndex, String message) {
            super(message + "; the file is not read further");
            this.line = line;
            this.cellIndex = cellIndex;
        }

        /** The physical line on which the offending record starts. */
        int line() {
            return line;
        }

        /** The offending cell's position in its record, or -1 for a problem of the whole record. */
        int cellIndex() {
            return cellIndex;
        }
    }
}
