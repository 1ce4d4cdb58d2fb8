package io.xsell.ingestion.csv;

/**
 * Consecutive records of one file, parsed on a worker thread: their cells (read through a {@link Row}),
 * what the table's {@link ParallelRows} made of each record (null where it made nothing: the header, a
 * blank or misshapen row, or a table that checks its rows on the caller), and, on the last chunk of a
 * file whose reading stopped early, why and at which line.
 */
record ParsedChunk(ChunkCells cells, Object[] prepared, Throwable failure, int failureLine, boolean last) {

    static ParsedChunk end(Throwable failure, int failureLine) {
        return new ParsedChunk(null, null, failure, failureLine, true);
    }

    /** The number of records. */
    int size() {
        return cells == null ? 0 : cells.recordCount();
    }

    Object preparedAt(int index) {
        return prepared == null ? null : prepared[index];
    }
}
