package io.xsell.ingestion.csv;

import java.util.Arrays;

/** Line numbers parallel to a list of built records, without boxing one Integer per record. */
final class LineList {
    private int[] lines = new int[1 << 10];
    private int size;

    void add(int line) {
        if (size == lines.length) {
            lines = Arrays.copyOf(lines, size * 2);
        }
        lines[size++] = line;
    }

    int get(int index) {
        return lines[index];
    }

    int size() {
        return size;
    }
}
