package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Streams one CSV file into a {@link TableReader}: UTF-8 with an optional BOM, RFC 4180, header on the
 * first line. Malformed CSV and bad UTF-8 become import errors; other I/O failures propagate.
 */
final class CsvTableParser {
    private static final char BOM = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';
    private static final int BUFFER_CHARS = 1 << 16;

    private CsvTableParser() {
    }

    /**
     * Reads the whole stream without closing it: a zip entry's stream belongs to the archive. The text
     * is parsed, and for a {@link ParallelRows} table checked, in chunks on other threads
     * ({@link ParallelCsvFeed}); this one takes the rows in file order. {@code bytes} is the text's
     * size when known (-1 when not), which tables may size what they keep by.
     */
    static void read(ImportFile file, InputStream in, long bytes, ErrorCollector errors, TableReader table)
            throws IOException {
        try {
            readRows(file, in, bytes, errors, table);
        } finally {
            table.ended();
        }
    }

    private static void readRows(ImportFile file, InputStream in, long bytes, ErrorCollector errors,
                                 TableReader table) throws IOException {
        Header header = null;
        Row cursor = new Row();
        @SuppressWarnings("unchecked") // each table commits what its own preparer made
        ParallelRows<Object> parallel = table instanceof ParallelRows<?> rows ? (ParallelRows<Object>) rows : null;
        try (ParallelCsvFeed feed = ParallelCsvFeed.start(new BoundedCsvReader(openUtf8(in)), file.fileName())) {
            while (true) {
                ParsedChunk chunk = feed.next();
                int from = 0;
                if (header == null && chunk.size() > 0) {
                    Row first = cursor.at(chunk.cells(), 0);
                    if (first.badText()) {
                        reportBadEncoding(file, first, null, errors);
                    }
                    header = new Header(file, first, errors);
                    if (!table.begin(header)) {
                        return;
                    }
                    table.expectRows(expectedRows(bytes, chunk));
                    feed.rowsFrom(header.cellCount(), parallel);
                    from = 1;
                }
                if (header != null) {
                    rows(file, chunk, from, cursor, header, errors, table, parallel);
                }
                feed.recycle(chunk);
                if (chunk.failure() != null) {
                    table.stopped();
                    fail(file, chunk.failureLine(), chunk.failure(), header, errors);
                    return;
                }
                if (chunk.last()) {
                    break;
                }
            }
        }
        if (header == null) {
            errors.add(file, 1, null, "file is empty; a header row is required");
        }
    }

    /**
     * Takes a chunk's records from {@code from} on, in order. One call per chunk, so that the JIT
     * compiles this loop once as a method, not again as a replacement for the file's running loop.
     */
    private static void rows(ImportFile file, ParsedChunk chunk, int from, Row cursor, Header header,
                             ErrorCollector errors, TableReader table, ParallelRows<Object> parallel) {
        int cells = header.cellCount();
        int records = chunk.size();
        // rows the workers prepared go to the table's own loop while no record needs reporting first
        boolean clean = parallel != null && chunk.prepared() != null && chunk.cells().wellEncoded();
        for (int i = from; i < records; i++) {
            if (clean) {
                i = parallel.commitAll(chunk.prepared(), i, records);
                if (i == records) {
                    break;
                }
            }
            Row row = cursor.at(chunk.cells(), i);
            if (row.badText()) {
                reportBadEncoding(file, row, header, errors);
            }
            if (row.isBlank()) {
                continue;
            }
            if (row.size() != cells) {
                errors.add(file, row.line(), null, "row has " + row.size() + " cell(s) but the header has " + cells);
                continue;
            }
            Object prepared = chunk.preparedAt(i);
            if (prepared != null) {
                parallel.commit(prepared);
            } else {
                table.row(row);
            }
        }
    }

    /**
     * The rows of a file of {@code bytes}, from its first chunk (the header and the first records): the
     * file's size over the chunk's characters per record, about its bytes per row when the text is
     * mostly ASCII (more bytes per character only overestimate). 0 when not known.
     */
    static int expectedRows(long bytes, ParsedChunk first) {
        int rows = first.size() - 1;
        int chars = first.cells() == null ? 0 : first.cells().textLength();
        if (bytes <= 0 || rows < 1 || chars <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, bytes * rows / chars);
    }

    /** What stopped the parse: unreadable or malformed text is an import error, anything else is thrown. */
    private static void fail(ImportFile file, int line, Throwable failure, Header header, ErrorCollector errors)
            throws IOException {
        if (failure instanceof UncheckedIOException unchecked) {
            reportUnreadable(file, line, unchecked.getCause(), header, errors);
        } else if (failure instanceof BoundedCsvReader.LimitExceeded || failure instanceof ParallelCsvFeed.Malformed) {
            reportUnreadable(file, line, (IOException) failure, header, errors);
        } else if (failure instanceof IOException io) {
            throw io;
        } else if (failure instanceof RuntimeException runtime) {
            throw runtime;
        } else {
            throw (Error) failure;
        }
    }

    private static void reportUnreadable(ImportFile file, int line, IOException cause, Header header,
                                         ErrorCollector errors) throws IOException {
        if (cause instanceof BoundedCsvReader.LimitExceeded limit) {
            String column = header == null || limit.cellIndex() < 0 ? null : header.nameAt(limit.cellIndex());
            errors.add(file, limit.line(), column, limit.getMessage());
            return;
        }
        if (!(cause instanceof ParallelCsvFeed.Malformed)) {
            throw cause;
        }
        errors.add(file, line, null, "malformed CSV in the record starting on this line: " + cause.getMessage());
    }

    /**
     * Bad bytes are decoded to U+FFFD and reported here, per cell: a decoder that throws instead reads
     * ahead of the parser and could only say "somewhere after line n". The row is still passed on, so
     * that its id counts and no reference to it is reported as unknown.
     */
    private static void reportBadEncoding(ImportFile file, Row record, Header header, ErrorCollector errors) {
        int line = record.line();
        for (int i = 0; i < record.size(); i++) {
            String value = record.raw(i);
            if (value.indexOf(REPLACEMENT) >= 0) {
                errors.add(file, line, header == null ? null : header.nameAt(i),
                        "not valid UTF-8 (bad bytes shown as \uFFFD): " + Bounds.quote(value) + "");
            }
        }
    }

    private static Reader openUtf8(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER_CHARS);
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
        return reader;
    }
}
