package io.xsell.core.model;

import java.util.List;

/**
 * A column of repeating values as plain arrays: each distinct value once, and a code per row:
 * 0 for no value, {@code k} for {@code values.get(k - 1)}. Values are told apart by {@code equals},
 * so an amount keeps its scale.
 */
public record DictionaryImage<T>(List<T> values, int[] codes) {
    /** Throws unless every code is in range, no value is null and, when {@code required}, no code is 0. */
    void check(String column, int rows, boolean required) {
        if (values == null || codes == null) {
            throw new IllegalArgumentException(column + ": values and codes are required");
        }
        if (codes.length != rows) {
            throw new IllegalArgumentException(column + ": " + codes.length + " codes for " + rows + " rows");
        }
        for (Object value : values) {
            if (value == null) {
                throw new IllegalArgumentException(column + ": a null value (code 0 stands for none)");
            }
        }
        int lowest = required ? 1 : 0;
        for (int row = 0; row < rows; row++) {
            int code = codes[row];
            if (code < lowest || code > values.size()) {
                throw new IllegalArgumentException(column + ": code " + code + " at row " + row + " is not in ["
                        + lowest + ", " + values.size() + "]");
            }
        }
    }
}
