package io.xsell.ingestion.csv;

/**
 * One problem found in an import.
 *
 * @param file    the file name inside the import ({@code subscription_items.csv}), the zip entry name for
 *                archive problems, or null for problems of the import as a whole (the omitted-errors note,
 *                a rule only the canonical model caught)
 * @param line    1-based physical line where the record starts (the header is line 1); 1 for header
 *                problems, 0 when no line applies (a missing file, a zip entry, the whole import)
 * @param column  the header name of the offending cell, or null for row, file and import problems
 * @param message what is wrong, quoting the bad value
 */
public record ImportError(String file, int line, String column, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line > 0) {
                text.append(':').append(line);
            }
            text.append(' ');
        }
        if (column != null) {
            text.append('[').append(column).append("] ");
        }
        return text.append(message).toString();
    }
}
