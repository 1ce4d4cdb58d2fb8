package io.xsell.server.persistence;

import java.util.Arrays;
import java.util.Collection;

/**
 * The rows of one source of one table, put back at their {@code seq}, the position they had in
 * their import. Restoring the order in memory spares the database a sort: PostgreSQL would
 * otherwise sort millions of rows, spilling to disk, whenever its statistics lag a bulk import.
 */
final class ImportOrder<T> {
    private final String table;
    private final String source;
    private Object[] rows = new Object[1024];
    private int size;
    private int count;

    ImportOrder(String table, String source) {
        this.table = table;
        this.source = source;
    }

    void put(int seq, T row) {
        if (seq < 0) {
            throw corrupt("a negative seq " + seq);
        }
        if (seq >= rows.length) {
            rows = Arrays.copyOf(rows, Math.max(seq + 1, rows.length * 2));
        }
        if (rows[seq] != null) {
            throw corrupt("seq " + seq + " twice");
        }
        rows[seq] = row;
        size = Math.max(size, seq + 1);
        count++;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    void addTo(Collection<T> target) {
        if (count != size) {
            throw corrupt((size - count) + " gap(s) in seq 0.." + (size - 1));
        }
        for (int i = 0; i < size; i++) {
            target.add((T) rows[i]);
        }
    }

    private IllegalStateException corrupt(String problem) {
        return new IllegalStateException("stored rows of " + table + " from source '" + source + "' have " + problem);
    }
}
