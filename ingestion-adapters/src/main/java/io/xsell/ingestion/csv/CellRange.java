package io.xsell.ingestion.csv;

/**
 * A cell's trimmed text where it lies, in its chunk's characters, read without making a string: most
 * cells are dates, amounts, codes and ids that repeat, and a string per cell was most of what parsing
 * a file allocated. One instance per thread is pointed at cell after cell ({@link Row#range}).
 */
final class CellRange implements CharSequence {
    private char[] chars;
    private int from;
    private int to;

    void set(char[] chars, int from, int to) {
        this.chars = chars;
        this.from = from;
        this.to = to;
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        return chars[from + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    /** What {@code toString().hashCode()} returns, without the string. */
    int stringHash() {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return new String(chars, from, to - from);
    }
}
