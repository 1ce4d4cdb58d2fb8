package io.xsell.ingestion.csv;

import java.util.List;

/**
 * Consecutive records of one file, parsed on a worker thread: the rows in file order (views of
 * {@code cells}), what the table's
 * {@link ParallelRows} made of each (null where it made nothing: the header, a blank or misshapen row,
 * or a table that checks its rows on the caller), and, on the last chunk of a file whose reading
 * stopped early, why and at which line.
 */
record ParsedChunk(List<Row> rows, ChunkCells cells, Object[] prepared, Throwable failure, int failureLine,
                   boolean last) {

    static ParsedChunk end(Throwable failure, int failureLine) {
        return new ParsedChunk(List.of(), null, null, failure, failureLine, true);
    }

    Object preparedAt(int index) {
        return prepared == null ? null : prepared[index];
    }
}
