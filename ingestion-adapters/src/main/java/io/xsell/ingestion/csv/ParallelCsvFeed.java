package io.xsell.ingestion.csv;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads one CSV file in parallel chunks without holding it whole. A splitter thread decodes the text
 * through a {@link BoundedCsvReader} (so every bound still stops the reading at the record that passes
 * it) and cuts it where a record ends, about every {@link #CHUNK_CHARS} characters; worker threads,
 * one per core, parse the chunks with FastCSV and run the table's cell checks ({@link ParallelRows});
 * the caller takes the chunks back in file order ({@link #next}). At most {@link #QUEUED} chunks are
 * under way at once, which bounds the memory of a file of any length.
 *
 * <p>Line numbers are physical lines: each chunk knows the line it starts on, FastCSV the line each
 * record starts on within the chunk. A malformed record ends the file's chunks with a failure on the
 * line that record starts, after every whole record before it, as a single-threaded parse would.
 */
final class ParallelCsvFeed implements AutoCloseable {
    static final int CHUNK_CHARS = 1 << 19;
    static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    static final int QUEUED = 2 * WORKERS + 2;

    private static final CsvReader.CsvReaderBuilder CSV = CsvReader.builder()
            .fieldSeparator(',')
            .quoteCharacter('"')
            .commentStrategy(CommentStrategy.NONE)
            .skipEmptyLines(false) // a blank line stays a record, so its line is counted and skipped by the caller
            .ignoreDifferentFieldCount(true) // the caller reports a row whose cell count differs, with its line
            .acceptCharsAfterQuotes(false) // RFC 4180: `"a"b` is malformed
            .detectBomHeader(false); // the caller drops a BOM before the text gets here

    private final BlockingQueue<Future<ParsedChunk>> chunks = new ArrayBlockingQueue<>(QUEUED);
    // A chunk's text once parsed, and its cells once the caller has taken its rows ({@link #recycle}),
    // are used again for a later chunk: a file of any length allocates a few of each, not two per chunk.
    // As many as are in flight at once, so the queues stay that short.
    private final BlockingQueue<char[]> spareText = new LinkedBlockingQueue<>();
    private final BlockingQueue<ChunkCells> spareCells = new LinkedBlockingQueue<>();
    private final ExecutorService workers;
    private final Thread splitter;
    private final CountDownLatch headerRead = new CountDownLatch(1);
    private volatile int cellCount;
    private volatile ParallelRows<?> parallelRows;
    private ThreadLocal<ParallelRows.Preparer<?>> preparers;

    private ParallelCsvFeed(BoundedCsvReader reader, String name) {
        workers = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, "csv-" + name + "-worker");
            thread.setDaemon(true);
            return thread;
        });
        splitter = new Thread(() -> split(reader), "csv-" + name);
        splitter.setDaemon(true);
        splitter.start();
    }

    static ParallelCsvFeed start(BoundedCsvReader reader, String name) {
        return new ParallelCsvFeed(reader, name);
    }

    /**
     * Called once the header is read: rows with {@code headerCells} cells are then prepared by
     * {@code rows} on the workers; with {@code rows} null they are only parsed.
     */
    void rowsFrom(int headerCells, ParallelRows<?> rows) {
        cellCount = headerCells;
        parallelRows = rows;
        if (rows != null) {
            preparers = ThreadLocal.withInitial(rows::preparer);
        }
        headerRead.countDown();
    }

    /** The next chunk in file order; the last has {@link ParsedChunk#last()} set. */
    ParsedChunk next() throws IOException {
        try {
            return chunks.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading CSV");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    private void split(BoundedCsvReader reader) {
        char[] buffer = new char[2 * CHUNK_CHARS];
        int length = 0;
        int recordEnd = -1;
        int firstLine = 1;
        boolean first = true;
        try {
            while (true) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, 2 * buffer.length); // one record longer than a chunk
                }
                int n = reader.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                int end = reader.takeRecordEnd();
                if (end > 0) {
                    recordEnd = end;
                }
                // A CR that ends the text read so far may be the first half of a CRLF: wait for the next char.
                boolean wholeBreak = recordEnd > 0 && (recordEnd < length || buffer[recordEnd - 1] != '\r');
                if (recordEnd >= CHUNK_CHARS && wholeBreak) {
                    submitRecords(buffer, recordEnd, firstLine, first);
                    first = false;
                    firstLine = reader.line() - linesIn(buffer, recordEnd, length);
                    System.arraycopy(buffer, recordEnd, buffer, 0, length - recordEnd);
                    length -= recordEnd;
                    recordEnd = -1;
                }
            }
            if (reader.inQuotes()) {
                // What the unterminated quote opened runs to the end of the text: every record before it is read.
                submitRecords(buffer, recordEnd, firstLine, first);
                finish(new Malformed("the file ends inside a quoted cell (a \" without its closing \")"),
                        reader.recordLine());
                return;
            }
            submitRecords(buffer, length, firstLine, first);
            finish(null, 0);
        } catch (InterruptedException e) {
            // closed early: nobody waits for the rest
        } catch (IOException | RuntimeException e) {
            try {
                int end = reader.takeRecordEnd(); // records the failing read completed before the failure
                if (end > 0) {
                    recordEnd = end;
                }
                submitRecords(buffer, recordEnd, firstLine, first);
                int line = e instanceof BoundedCsvReader.LimitExceeded limit ? limit.line() : reader.recordLine();
                finish(e, line);
            } catch (InterruptedException closed) {
                // closed early
            }
        }
    }

    /** Lines begun in {@code buffer[from, to)}: what the reader has counted beyond a cut. */
    private static int linesIn(char[] buffer, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            char c = buffer[i];
            if (c == '\r' || (c == '\n' && (i == from || buffer[i - 1] != '\r'))) {
                lines++;
            }
        }
        return lines;
    }

    /** Hands {@code buffer[0, end)}, whole records, to a worker; nothing when {@code end} is not past 0. */
    private void submitRecords(char[] buffer, int end, int firstLine, boolean first) throws InterruptedException {
        if (end <= 0) {
            return;
        }
        char[] spare = spareText.poll();
        // a chunk is cut at the first record end past CHUNK_CHARS: room for a long record more serves the next ones
        char[] text = spare != null && spare.length >= end ? spare : new char[end + end / 8];
        System.arraycopy(buffer, 0, text, 0, end);
        chunks.put(workers.submit(() -> parse(text, end, firstLine, first)));
    }

    /**
     * Takes back the arrays of a chunk whose rows the caller is done with: no {@link Row} of it may be
     * read afterwards, as its cells will hold a later chunk's.
     */
    void recycle(ParsedChunk chunk) {
        if (chunk.cells() != null) {
            spareCells.offer(chunk.cells());
        }
    }

    private void finish(Throwable failure, int line) throws InterruptedException {
        chunks.put(CompletableFuture.completedFuture(ParsedChunk.end(failure, line)));
    }

    private ParsedChunk parse(char[] text, int length, int firstLine, boolean first) throws InterruptedException {
        Throwable failure = null;
        int failureLine = 0;
        ChunkCells spare = spareCells.poll();
        ChunkCells cells = spare != null ? spare.reset(firstLine, text, length)
                : new ChunkCells(firstLine, text, length);
        try (CsvReader<Row> csv = CSV.build(cells, new CharArrayReader(text, 0, length))) {
            csv.iterator().hasNext(); // reads every record into cells, which hands FastCSV none
        } catch (CsvParseException e) {
            Throwable detail = e;
            while (detail.getCause() != null) {
                detail = detail.getCause();
            }
            failure = new Malformed(detail.getMessage());
            failureLine = cells.nextLine();
        } catch (IOException e) {
            throw new IllegalStateException("reading an array cannot fail", e);
        }
        spareText.offer(text); // every cell is copied out of it
        Object[] prepared = first ? null : prepare(cells);
        return new ParsedChunk(cells, prepared, failure, failureLine, false);
    }

    private Object[] prepare(ChunkCells rows) throws InterruptedException {
        headerRead.await();
        ParallelRows<?> table = parallelRows;
        if (table == null) {
            return null;
        }
        ParallelRows.Preparer<?> preparer = preparers.get();
        int cells = cellCount;
        Row row = new Row();
        Object[] prepared = new Object[rows.recordCount()];
        for (int i = 0; i < prepared.length; i++) {
            row.at(rows, i);
            if (!row.isBlank() && row.size() == cells) {
                prepared[i] = preparer.prepare(row);
            }
        }
        return prepared;
    }

    /** A record that is not RFC 4180 CSV; the file is not read further. */
    static final class Malformed extends IOException {
        Malformed(String detail) {
            super(detail);
        }
    }

    /** Stops the reading if it is still under way and waits for its threads, so the stream is free again. */
    @Override
    public void close() throws InterruptedIOException {
        splitter.interrupt();
        workers.shutdownNow();
        try {
            splitter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the CSV parser");
        }
    }
}
