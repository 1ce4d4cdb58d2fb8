package io.xsell.core.mrr;

import java.math.BigDecimal;
import java.util.List;

/** The checks shared by the item and charge parts of a {@link LedgerImage}; each names what does not fit. */
final class LedgerImageCheck {
    private LedgerImageCheck() {
    }

    /** Offsets of {@code customers} customers' rows: from 0, never decreasing, ending at {@code rows}. */
    static void offsets(String column, int[] offsets, int customers, int rows) {
        if (offsets == null || offsets.length != customers + 1) {
            throw new IllegalArgumentException(column + ": " + (customers + 1) + " offsets are required for "
                    + customers + " customers, got " + (offsets == null ? "none" : offsets.length));
        }
        if (offsets[0] != 0 || offsets[customers] != rows) {
            throw new IllegalArgumentException(column + ": offsets must run from 0 to " + rows);
        }
        for (int c = 0; c < customers; c++) {
            if (offsets[c + 1] < offsets[c]) {
                throw new IllegalArgumentException(column + ": the offset of customer " + (c + 1) + " is below the one "
                        + "before it");
            }
        }
    }

    static void length(String column, int[] values, int rows) {
        if (values == null || values.length != rows) {
            throw new IllegalArgumentException(column + ": " + rows + " values are required, got "
                    + (values == null ? "none" : values.length));
        }
    }

    /** Every code names one of {@code amounts}, none of which is null. */
    static void codes(String column, int[] codes, List<BigDecimal> amounts) {
        if (amounts == null) {
            throw new IllegalArgumentException(column + ": the amounts are required");
        }
        for (BigDecimal amount : amounts) {
            if (amount == null) {
                throw new IllegalArgumentException(column + ": an amount that is null");
            }
        }
        for (int row = 0; row < codes.length; row++) {
            if (codes[row] < 0 || codes[row] >= amounts.size()) {
                throw new IllegalArgumentException(column + ": code " + codes[row] + " at row " + row + " is not one of "
                        + amounts.size() + " amounts");
            }
        }
    }
}
