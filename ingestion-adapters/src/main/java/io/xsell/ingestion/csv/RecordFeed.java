package io.xsell.ingestion.csv;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses CSV on a thread of its own and hands the records over in order, in batches, so that
 * decoding and splitting the text (about half of an import's time) runs on one core while the
 * caller validates and builds the rows on another. Rows are still validated one after the other
 * in file order, so every error, id index and reference comes out exactly as with a single
 * thread. At most {@link #QUEUED} batches wait: the file is never held whole.
 *
 * <p>The parse ends with {@link End}: the failure that stopped it, if any, and the line count
 * after the last whole record, which is where an error about the rest of the file points.
 */
final class RecordFeed implements AutoCloseable {
    static final int BATCH = 2_048;
    static final int QUEUED = 4;

    /** One record and the physical line it starts on. */
    record Parsed(CSVRecord record, int line) {
    }

    /** The parse stopped: normally ({@code failure} null) or on {@code failure}. */
    record End(Throwable failure, long linesRead) {
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;

    private RecordFeed(CSVFormat format, Reader reader, String name) {
        thread = new Thread(() -> parse(format, reader), "csv-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    static RecordFeed start(CSVFormat format, Reader reader, String name) {
        return new RecordFeed(format, reader, name);
    }

    /** The next batch of records ({@code List<Parsed>}), or the {@link End}. */
    Object next() throws InterruptedIOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading CSV");
        }
    }

    private void parse(CSVFormat format, Reader reader) {
        long previousEnd = 0;
        List<Parsed> batch = new ArrayList<>(BATCH);
        Throwable failure = null;
        try {
            CSVParser parser = format.parse(reader);
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                // After a record the parser stands on that record's last line, so the next one starts
                // one line later; this stays right across quoted cells that span several lines.
                batch.add(new Parsed(record, (int) (previousEnd + 1)));
                previousEnd = parser.getCurrentLineNumber();
                if (batch.size() == BATCH) {
                    queue.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        } catch (InterruptedException e) {
            return; // the reader of the records has gone: nobody waits for the end
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
        try {
            if (!batch.isEmpty()) {
                queue.put(batch);
            }
            queue.put(new End(failure, previousEnd));
        } catch (InterruptedException e) {
            // closed early: nobody waits for the end
        }
    }

    /** Stops the parse if it is still running and waits for its thread, so the stream is free again. */
    @Override
    public void close() throws InterruptedIOException {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping the CSV parser");
        }
    }
}
