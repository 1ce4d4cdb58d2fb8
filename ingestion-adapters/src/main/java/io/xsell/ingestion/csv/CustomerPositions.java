package io.xsell.ingestion.csv;

import io.xsell.core.model.Customer;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The kept customers' ids and their positions among them, as a read-only map over what the file's
 * reading left: the id index gives the line an id was first seen on, and the kept customers' lines,
 * increasing, give the position of the customer read on that line. A line that holds no kept customer
 * (a duplicate's or a rejected row's) maps to nothing.
 */
final class CustomerPositions extends AbstractMap<String, Integer> {
    private final List<Customer> customers;
    private final IdLineIndex ids;
    private final int[] lines;

    CustomerPositions(List<Customer> customers, IdLineIndex ids, int[] lines) {
        if (customers.size() != lines.length) {
            throw new IllegalArgumentException(customers.size() + " customers but " + lines.length + " lines");
        }
        this.customers = customers;
        this.ids = ids;
        this.lines = lines;
    }

    @Override
    public Integer get(Object key) {
        int position = key instanceof String id ? position(id) : -1;
        return position < 0 ? null : position;
    }

    /** The position of the customer with this id, or -1 when none is kept. */
    int position(String id) {
        int line = ids.lineOf(id);
        int position = line == 0 ? -1 : Arrays.binarySearch(lines, line);
        return Math.max(position, -1);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return lines.length;
    }

    @Override
    public Set<Map.Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Integer>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < lines.length;
                    }

                    @Override
                    public Map.Entry<String, Integer> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int position = next++;
                        return Map.entry(customers.get(position).id(), position);
                    }
                };
            }

            @Override
            public int size() {
                return lines.length;
            }
        };
    }
}
