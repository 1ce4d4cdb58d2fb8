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
            int end = recordEnd; // only a read into a buffer tells where its last record ends
            see(new char[] {(char) c}, 0, 1);
            recordEnd = end;
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            see(buffer, offset, offset + n);
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

    // Every character of the text passes here: the state is kept in locals for the loop, in fields between reads.
    private void see(char[] buffer, int from, int to) throws LimitExceeded {
        boolean inQuotes = quoted;
        boolean cr = afterCr;
        int cell = cellChars;
        int record = recordChars;
        int index = cellIndex;
        int lines = line;
        int startLine = recordLine;
        boolean atEnd = atRecordEnd;
        int end = -1;
        try {
            for (int i = from; i < to; i++) {
                char c = buffer[i];
                if (c > ',') {
                    // A run of characters above the comma (digits, letters, dashes, dots: most of a CSV) holds
                    // none of the four this follows (CR, LF, quote, comma): counted as a run, one bound check.
                    int run = i;
                    while (i + 1 < to && buffer[i + 1] > ',') {
                        i++;
                    }
                    int n = i - run + 1;
                    cr = false;
                    atEnd = false;
                    record += n;
                    cell += n;
                    if (cell > CELL_MAX) {
                        throw cellTooLong(startLine, index);
                    }
                    if (record > RECORD_MAX) {
                        throw rowTooLong(startLine);
                    }
                    continue;
                }
                boolean lineBreak = c == '\r' || (c == '\n' && !cr);
                cr = c == '\r';
                if (c == '\n' && !lineBreak) {
                    if (atEnd) {
                        end = i + 1; // the second half of a CRLF: a record that ended at its CR ends after it
                    }
                    continue;
                }
                atEnd = false;
                if (lineBreak) {
                    lines++;
                }
                record++;
                cell++;
                if (c == '"') {
                    inQuotes = !inQuotes;
                } else if (!inQuotes && c == ',') {
                    index++;
                    cell = 0;
                    if (index >= CELLS_MAX) {
                        throw new LimitExceeded(startLine, -1, "the row has more than " + CELLS_MAX + " cells");
                    }
                } else if (!inQuotes && lineBreak) {
                    cell = 0;
                    record = 0;
                    index = 0;
                    startLine = lines;
                    atEnd = true;
                    end = i + 1;
                }
                if (cell > CELL_MAX) {
                    throw cellTooLong(startLine, index);
                }
                if (record > RECORD_MAX) {
                    throw rowTooLong(startLine);
                }
            }
        } finally {
            quoted = inQuotes;
            afterCr = cr;
            cellChars = cell;
            recordChars = record;
            cellIndex = index;
            line = lines;
            recordLine = startLine;
            atRecordEnd = atEnd;
            if (end >= 0) {
                recordEnd = end;
            }
        }
    }

    private static LimitExceeded cellTooLong(int line, int cellIndex) {
        return new LimitExceeded(line, cellIndex, "the cell is longer than " + CELL_MAX + " characters");
    }

    private static LimitExceeded rowTooLong(int line) {
        return new LimitExceeded(line, -1, "the row is longer than " + RECORD_MAX + " characters");
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
