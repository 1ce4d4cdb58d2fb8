package io.xsell.ingestion.csv;

/**
 * How a file's ids are checked for repeats: recorded on the threads that check its rows, in whatever
 * order their chunks come, then asked in file order. {@link RepeatedIds} names each repeat as rows are
 * kept; {@link IdHashes} only tells, once the file is read, whether one may exist.
 */
interface RepeatCheck {

    /** Records the id of the row on {@code line}, from any thread; returns what the row carries to {@link #earlierLine}. */
    long record(String id, int line);

    /**
     * In file order, once every line up to {@code line} is recorded: the first line holding the row's
     * id when that is an earlier line, else 0. {@code recorded} is what {@link #record} returned for it.
     */
    int earlierLine(String id, int line, long recorded);

    /** Makes room for about {@code ids} ids. */
    void reserve(int ids);

    /** The file is read, to its end or not; true when it must be read again to name a repeat. */
    boolean ended();
}
