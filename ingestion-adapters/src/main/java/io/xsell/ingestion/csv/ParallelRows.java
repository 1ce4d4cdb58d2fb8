package io.xsell.ingestion.csv;

/**
 * A table whose rows are checked in two steps: cell by cell on worker threads ({@link #preparer}),
 * which is most of the work, then kept in file order on the caller's thread ({@link #commit}), where
 * ids, references and everything else that depends on earlier rows are handled. The result is what
 * {@link TableReader#row} would give row by row: the same rows kept and the same errors in the same order.
 *
 * @param <P> what a row is made into by the first step
 */
interface ParallelRows<P> {

    /** A preparer for one thread: each keeps its own caches and error buffers. */
    Preparer<P> preparer();

    /** Keeps a prepared row, in file order. */
    void commit(P prepared);

    /**
     * Keeps {@code prepared[from, to)} in order, up to the first null (a record the caller handles
     * itself); returns the index it stopped at. Each table has a copy of this loop: the JIT profiles
     * and compiles a loop per method, and one shared by every table was compiled again, with every
     * table's commit inlined, each time the file being read changed (five times, 260 KB of code).
     */
    int commitAll(Object[] prepared, int from, int to);

    interface Preparer<P> {
        /** Checks a row whose cell count matches the header's; nothing shared may be touched. */
        P prepare(Row row);
    }
}
