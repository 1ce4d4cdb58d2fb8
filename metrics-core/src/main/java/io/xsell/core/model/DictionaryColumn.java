package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of values that repeat (product ids, currencies, dates, amounts): each distinct value
 * kept once, each row a narrow code into them; code 0 is reserved for a missing value. Values are
 * told apart by {@code equals}, so amounts keep their scale ({@code 1.0} and {@code 1.00} are two
 * values) and a row reads back a value equal to the one it was given.
 */
final class DictionaryColumn<T> {
    private final Object[] values;
    private final NarrowInts codes;

    private DictionaryColumn(Object[] values, NarrowInts codes) {
        this.values = values;
        this.codes = codes;
    }

    @SuppressWarnings("unchecked")
    T get(int row) {
        return (T) values[codes.get(row)];
    }

    /** Adds this column to {@code f}: its arrays, and its values unless {@code f} has counted them. */
    void addTo(HeapFootprint f) {
        f.add(HeapFootprint.object(2 * HeapFootprint.REF) + HeapFootprint.referenceArray(values.length)
                + codes.retainedBytes());
        for (Object value : values) {
            if (value instanceof String s) {
                f.string(s);
            } else if (value instanceof LocalDate d) {
                f.date(d);
            } else if (value instanceof BigDecimal d) {
                f.decimal(d);
            } // enum constants: shared by the whole JVM
        }
    }

    /**
     * Collects a column row by row. {@code canonical} is shared by the builders of one dataset so
     * that columns holding equal dates or amounts hold the same instance of each.
     */
    static final class Builder<T> {
        private final Map<Object, Object> canonical;
        private final Map<T, Integer> codeOf = new HashMap<>();
        private final List<Object> values = new ArrayList<>();
        private final int[] codes;
        private int size;
        private T last;
        private int lastCode;

        Builder(int rows, Map<Object, Object> canonical) {
            this.canonical = canonical;
            this.codes = new int[rows];
            values.add(null);
        }

        void add(T value) {
            if (value == null) {
                codes[size++] = 0;
                return;
            }
            if (value != last) { // rows in a run often share one instance: skip the hash lookup
                Integer code = codeOf.get(value);
                if (code == null) {
                    code = values.size();
                    codeOf.put(value, code);
                    Object shared = canonical.putIfAbsent(value, value);
                    values.add(shared == null ? value : shared);
                }
                last = value;
                lastCode = code;
            }
            codes[size++] = lastCode;
        }

        DictionaryColumn<T> build() {
            return new DictionaryColumn<>(values.toArray(), NarrowInts.of(codes, size));
        }
    }
}
