package io.xsell.ingestion.csv;

/** Validates and keeps the rows of one file, fed by {@link CsvTableParser}. */
interface TableReader {

    /** Resolves the columns; returns false when the header is unusable, so the rows are skipped. */
    boolean begin(Header header);

    void row(Row row);
}
