package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams one CSV file into a {@link TableReader}: UTF-8 with an optional BOM, RFC 4180, header on the
 * first line. Malformed CSV and bad UTF-8 become import errors; other I/O failures propagate.
 */
final class CsvTableParser {
    private static final char BOM = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';
    private static final int BUFFER_CHARS = 1 << 16;

    // Empty lines are kept as records so that the parser's line count stays the physical line count;
    // the header is read as an ordinary record so that its names can be trimmed and checked here.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .get();

    private CsvTableParser() {
    }

    /**
     * Reads the whole stream without closing it: a zip entry's stream belongs to the archive. The text
     * is parsed on a second thread ({@link RecordFeed}) while this one validates the rows in order.
     */
    static void read(ImportFile file, InputStream in, ErrorCollector errors, TableReader table) throws IOException {
        Header header = null;
        try (RecordFeed feed = RecordFeed.start(FORMAT, new BoundedCsvReader(openUtf8(in)), file.fileName())) {
            while (true) {
                Object next = feed.next();
                if (next instanceof RecordFeed.End end) {
                    if (end.failure() != null) {
                        fail(file, (int) (end.linesRead() + 1), end.failure(), header, errors);
                        return;
                    }
                    break;
                }
                @SuppressWarnings("unchecked")
                List<RecordFeed.Parsed> batch = (List<RecordFeed.Parsed>) next;
                for (RecordFeed.Parsed parsed : batch) {
                    CSVRecord record = parsed.record();
                    int line = parsed.line();
                    reportBadEncoding(file, record, line, header, errors);
                    if (header == null) {
                        header = new Header(file, record, errors);
                        if (!table.begin(header)) {
                            return;
                        }
                    } else if (!isBlank(record)) {
                        if (record.size() != header.cellCount()) {
                            errors.add(file, line, null, "row has " + record.size() + " cell(s) but the header has "
                                    + header.cellCount());
                        } else {
                            table.row(new Row(record, line));
                        }
                    }
                }
            }
        }
        if (header == null) {
            errors.add(file, 1, null, "file is empty; a header row is required");
        }
    }

    /** What stopped the parse: unreadable or malformed text is an import error, anything else is thrown. */
    private static void fail(ImportFile file, int line, Throwable failure, Header header, ErrorCollector errors)
            throws IOException {
        if (failure instanceof UncheckedIOException unchecked) {
            reportUnreadable(file, line, unchecked.getCause(), header, errors);
        } else if (failure instanceof BoundedCsvReader.LimitExceeded || failure instanceof CSVException) {
            reportUnreadable(file, line, (IOException) failure, header, errors);
        } else if (failure instanceof IOException io) {
            throw io;
        } else if (failure instanceof RuntimeException runtime) {
            throw runtime;
        } else {
            throw (Error) failure;
        }
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    private static void reportUnreadable(ImportFile file, int line, IOException cause, Header header,
                                         ErrorCollector errors) throws IOException {
        if (cause instanceof BoundedCsvReader.LimitExceeded limit) {
            String column = header == null || limit.cellIndex() < 0 ? null : header.nameAt(limit.cellIndex());
            errors.add(file, limit.line(), column, limit.getMessage());
            return;
        }
        if (!(cause instanceof CSVException)) {
            throw cause;
        }
        errors.add(file, line, null, "malformed CSV in the record starting on this line: " + cause.getMessage());
    }

    /**
     * Bad bytes are decoded to U+FFFD and reported here, per cell: a decoder that throws instead reads
     * ahead of the parser and could only say "somewhere after line n". The row is still passed on, so
     * that its id counts and no reference to it is reported as unknown.
     */
    private static void reportBadEncoding(ImportFile file, CSVRecord record, int line, Header header,
                                          ErrorCollector errors) {
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
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
