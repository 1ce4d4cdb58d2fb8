package io.xsell.server.persistence;

import java.util.Arrays;
import java.util.Collection;

/**
 * The rows of one source of one table, put back at their {@code seq}, the position they had in
 * their import. Restoring the order in memory spares the database a sort: PostgreSQL would
 * otherwise sort millions of rows, spilling to disk, whenever its statistics lag a bulk import.
 * On PostgreSQL an import numbers its rows from 0 or from {@link SourceWriter#OTHER_HALF}
 * (whichever the rows it replaced did not use): a row's position is its seq in that range, and
 * every row of a source must come from the same range.
 */
final class ImportOrder<T> {
    private final String table;
    private final String source;
    private Object[] rows = new Object[1024];
    private int size;
    private int count;
    private int firstSeq = -1;

    ImportOrder(String table, String source) {
        this.table = table;
        this.source = source;
    }

    void put(int seq, T row) {
        if (seq < 0) {
            throw corrupt("a negative seq " + seq);
        }
        int first = seq >= SourceWriter.OTHER_HALF ? SourceWriter.OTHER_HALF : 0;
        if (firstSeq < 0) {
            firstSeq = first;
        } else if (first != firstSeq) {
            throw corrupt("seq " + seq + " apart from the range of seq " + firstSeq + " on");
        }
        put(seq - first, row, seq);
    }

    private void put(int position, T row, int seq) {
        if (position >= rows.length) {
            rows = Arrays.copyOf(rows, Math.max(position + 1, rows.length * 2));
        }
        if (rows[position] != null) {
            throw corrupt("seq " + seq + " twice");
        }
        rows[position] = row;
        size = Math.max(size, position + 1);
        count++;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    void addTo(Collection<T> target) {
        if (count != size) {
            throw corrupt((size - count) + " gap(s) in seq " + firstSeq + ".." + (firstSeq + size - 1));
        }
        for (int i = 0; i < size; i++) {
            target.add((T) rows[i]);
        }
    }

    private IllegalStateException corrupt(String problem) {
        return new IllegalStateException("stored rows of " + table + " from source '" + source + "' have " + problem);
    }
}
