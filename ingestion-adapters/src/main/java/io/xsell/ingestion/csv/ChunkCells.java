package io.xsell.ingestion.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordWrapper;
import java.util.Arrays;

/**
 * The cells of one chunk as FastCSV hands them over, copied one after the other into one array with
 * their bounds beside them, and each record's first cell and line in another: a chunk costs a few
 * arrays, used again for later chunks, instead of a string per cell or an object per record. A
 * {@link Row} reads record after record of it. Also counts what the rows must know: the
 * physical line each record starts on (FastCSV counts within the chunk, which starts on
 * {@code firstLine}), the line breaks inside quoted cells, and cells holding U+FFFD, which is what
 * undecodable bytes became.
 */
final class ChunkCells extends AbstractBaseCsvCallbackHandler<Row> {
    private static final char REPLACEMENT = '\uFFFD';

    private int firstLine;
    private char[] chars;
    private int used;
    // per cell: where it starts at 2 * cell, where it ends at 2 * cell + 1
    private int[] bounds;
    private int cells;
    private int recordFirst;
    // per record: its first cell at 2 * record, the line it starts on at 2 * record + 1; the sign bit of
    // the line is set when a cell of it holds U+FFFD
    private int[] records;
    private int recordCount;
    // where the last record's cells end: a record that failed to parse may have added cells past it
    private int recordsEnd;
    private boolean badText;
    private int breaks;
    private int nextLine;
    private boolean replaced; // the chunk holds U+FFFD somewhere
    private int textLength;

    /**
     * @param text   the chunk, {@code text[0, length)}: its cells hold no more characters than it (quotes
     *               and separators are dropped), so their array is made once
     */
    ChunkCells(int firstLine, char[] text, int length) {
        this.chars = new char[roomFor(length)];
        this.bounds = new int[Math.max(64, roomFor(length / 2))]; // a cell every 4 characters; grows if needed
        this.records = new int[Math.max(64, length / 16)]; // a record every 32 characters; grows if needed
        reset(firstLine, text, length);
    }

    // Chunks are cut at the first record end past a size, so their lengths differ a little: an eighth
    // more lets the arrays serve the chunks after this one instead of being made again for each longer one.
    private static int roomFor(int length) {
        return Math.max(16, length + length / 8);
    }

    /** This instance emptied for another chunk: its arrays are kept, grown if the chunk needs more. */
    ChunkCells reset(int firstLine, char[] text, int length) {
        this.firstLine = firstLine;
        this.nextLine = firstLine;
        this.textLength = length;
        if (chars.length < length) {
            chars = new char[roomFor(length)];
        }
        if (bounds.length < length / 2) {
            bounds = new int[roomFor(length / 2)];
        }
        used = 0;
        cells = 0;
        recordCount = 0;
        recordsEnd = 0;
        replaced = holdsReplacement(text, length);
        return this;
    }

    // One pass over the chunk spares a look at each cell's characters when, as nearly always, none is bad.
    private static boolean holdsReplacement(char[] text, int length) {
        for (int i = 0; i < length; i++) {
            if (text[i] == REPLACEMENT) {
                return true;
            }
        }
        return false;
    }

    /** The line after the last record read: where a record that failed to parse starts. */
    int nextLine() {
        return nextLine;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        recordFirst = cells;
        badText = false;
        breaks = 0;
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
        add(buf, offset, len);
        if (!quoted && !replaced) {
            return; // no line break outside quotes, no U+FFFD in the chunk
        }
        for (int i = offset; i < offset + len; i++) {
            char c = buf[i];
            if (c == REPLACEMENT) {
                badText = true;
            } else if (c == '\r' || (c == '\n' && (i == offset || buf[i - 1] != '\r'))) {
                breaks++; // only a quoted cell holds one: the next record starts that many lines further down
            }
        }
    }

    private void add(char[] buf, int offset, int len) {
        if (used + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(used + len, chars.length * 2));
        }
        System.arraycopy(buf, offset, chars, used, len);
        if (2 * cells + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * cells] = used;
        used += len;
        bounds[2 * cells + 1] = used;
        cells++;
    }

    /** Keeps the record's place; hands FastCSV nothing, so that its reader goes on to the next record. */
    @Override
    protected RecordWrapper<Row> buildRecord() {
        if (cells == recordFirst) {
            add(chars, 0, 0); // an empty line: one empty cell, as a record of strings has
        }
        int line = firstLine + (int) getStartingLineNumber() - 1;
        nextLine = line + 1 + breaks;
        if (2 * recordCount + 2 > records.length) {
            records = Arrays.copyOf(records, records.length * 2);
        }
        records[2 * recordCount] = recordFirst;
        records[2 * recordCount + 1] = badText ? line | Integer.MIN_VALUE : line;
        recordCount++;
        recordsEnd = cells;
        return null;
    }

    /** True when no cell of the chunk holds U+FFFD: no record needs its encoding reported. */
    boolean wellEncoded() {
        return !replaced;
    }

    /** The characters of the chunk's text, separators and quotes included. */
    int textLength() {
        return textLength;
    }

    /** The number of records read. */
    int recordCount() {
        return recordCount;
    }

    int firstCell(int record) {
        return records[2 * record];
    }

    int cellCount(int record) {
        return (record + 1 < recordCount ? records[2 * record + 2] : recordsEnd) - records[2 * record];
    }

    int line(int record) {
        return records[2 * record + 1] & Integer.MAX_VALUE;
    }

    boolean badText(int record) {
        return records[2 * record + 1] < 0;
    }

    char[] chars() {
        return chars;
    }

    int start(int cell) {
        return bounds[2 * cell];
    }

    int end(int cell) {
        return bounds[2 * cell + 1];
    }
}
