package io.xsell.ingestion.csv;

/** Where a row's checks report: the import's {@link ErrorCollector}, or a {@link RowErrors} kept for it. */
interface ErrorSink {
    void add(ImportFile file, int line, String column, String message);
}
