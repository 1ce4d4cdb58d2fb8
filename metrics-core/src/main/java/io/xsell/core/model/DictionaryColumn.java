package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A column of values that repeat (product ids, currencies, dates, amounts): each distinct value
 * kept once, each row a narrow code into them; code 0 is reserved for a missing value. Values are
 * told apart by {@code equals}, so amounts keep their scale ({@code 1.0} and {@code 1.00} are two
 * values) and a row reads back a value equal to the one it was given.
 *
 * <p>Read-only outside this package ({@link ItemCodes}): a row's {@link #code}, the {@link #value} of
 * a code, and how many codes there are, so that work repeated for equal values (pricing) can be done
 * once per code instead of once per row.
 */
public final class DictionaryColumn<T> {
    private final Object[] values;
    private final NarrowInts codes;

    private DictionaryColumn(Object[] values, NarrowInts codes) {
        this.values = values;
        this.codes = codes;
    }

    /** The column as its distinct values and a code per row (0: none). */
    @SuppressWarnings("unchecked")
    DictionaryImage<T> image() {
        java.util.List<T> distinct = new java.util.ArrayList<>(values.length - 1);
        for (int i = 1; i < values.length; i++) {
            distinct.add((T) values[i]);
        }
        return new DictionaryImage<>(distinct, codes.toArray());
    }

    /** The column of a checked image; equal values are shared through {@code canonical}, as {@link Builder} does. */
    static <T> DictionaryColumn<T> of(DictionaryImage<T> image, Map<Object, Object> canonical) {
        return of(image.values(), NarrowInts.of(image.codes(), image.codes().length), canonical);
    }

    /** The column of {@code distinct} values and codes into them (0: none), checked by whoever made them. */
    static <T> DictionaryColumn<T> of(java.util.List<T> distinct, NarrowInts codes, Map<Object, Object> canonical) {
        Object[] values = new Object[distinct.size() + 1];
        int i = 1;
        for (T value : distinct) {
            Object shared = canonical.putIfAbsent(value, value);
            values[i++] = shared == null ? value : shared;
        }
        return new DictionaryColumn<>(values, codes);
    }

    @SuppressWarnings("unchecked")
    T get(int row) {
        return (T) values[codes.get(row)];
    }

    /** The code of row {@code row}: 0 for no value, else a number below {@link #codeCount()}. */
    public int code(int row) {
        return codes.get(row);
    }

    /** The column of codes. */
    NarrowInts codes() {
        return codes;
    }

    /** The value of {@code code} (the very instance rows with that code read back); null for code 0. */
    @SuppressWarnings("unchecked")
    public T value(int code) {
        return (T) values[code];
    }

    /** The number of codes, 0 (no value) included: one more than the distinct values. */
    public int codeCount() {
        return values.length;
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
}
