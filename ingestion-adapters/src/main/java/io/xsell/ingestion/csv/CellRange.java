package io.xsell.ingestion.csv;

/**
 * A cell's trimmed text where it lies, in its chunk's characters, read without making a string: most
 * cells are dates, amounts, codes and ids that repeat, and a string per cell was most of what parsing
 * a file allocated. One instance per thread is pointed at cell after cell ({@link Row#range}).
 */
final class CellRange {
    private char[] chars;
    private int from;
    private int to;

    /** A range over the whole of {@code text}, for callers that have a string already. */
    static CellRange of(String text) {
        CellRange range = new CellRange();
        range.set(text.toCharArray(), 0, text.length());
        return range;
    }

    void set(char[] chars, int from, int to) {
        this.chars = chars;
        this.from = from;
        this.to = to;
    }

    int length() {
        return to - from;
    }

    char charAt(int index) {
        return chars[from + index];
    }

    /** What {@code toString().hashCode()} returns, without the string. */
    int stringHash() {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    boolean contentEquals(String s) {
        int length = to - from;
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[from + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return new String(chars, from, to - from);
    }
}
