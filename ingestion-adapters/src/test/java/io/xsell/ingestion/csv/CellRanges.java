package io.xsell.ingestion.csv;

/** Cells for tests: a {@link CellRange} over the whole of a string. */
final class CellRanges {
    private CellRanges() {
    }

    static CellRange of(String text) {
        CellRange range = new CellRange();
        range.set(text.toCharArray(), 0, text.length());
        return range;
    }
}
