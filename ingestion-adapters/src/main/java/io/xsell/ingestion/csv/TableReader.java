package io.xsell.ingestion.csv;

/** Validates and keeps the rows of one file, fed by {@link CsvTableParser}. */
interface TableReader {

    /** Resolves the columns; returns false when the header is unusable, so the rows are skipped. */
    boolean begin(Header header);

    void row(Row row);

    /**
     * About how many rows the file holds, estimated once its header is read (from its size and the
     * first records); a table may size what it keeps by it, as long as more or fewer rows still work.
     */
    default void expectRows(int rows) {
    }

    /**
     * The file stopped before its end (malformed text or a bound passed), which is reported: a table
     * others refer to then takes no part in the reference checks, which would only list every id the
     * unread rest held as unknown.
     */
    default void stopped() {
    }

    /** The file is read, to its end or not: what served only its own checks can be let go. */
    default void ended() {
    }
}
