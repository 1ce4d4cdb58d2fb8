package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import io.xsell.core.model.InvalidFieldException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Reads the cells of one row at a time, reporting each bad cell with its file, line and column.
 * Getters return null for an absent or bad value; {@link #passed()} tells whether the row may be built.
 * One instance per file is reused for every row.
 */
final class RowCheck {
    private final ImportFile file;
    private final ErrorSink errors;
    private final CellParser cells;
    private final CellRange range = new CellRange();
    private Row row;
    private boolean failed;

    RowCheck(ImportFile file, ErrorSink errors, CellParser cells) {
        this.file = file;
        this.errors = errors;
        this.cells = cells;
    }

    void start(Row next) {
        row = next;
        failed = false;
    }

    int line() {
        return row.line();
    }

    boolean passed() {
        return !failed;
    }

    /** Reports a problem of this row; {@code col} null for one that is not about a single cell. */
    void fail(Col col, String message) {
        failed = true;
        errors.add(file, row.line(), col == null ? null : col.name(), message);
    }

    /**
     * Reports what a model constructor refused, on the column its field names (a field of the model is
     * named like its column); null for a rule of the whole row.
     */
    void rejectedByModel(RuntimeException e) {
        failed = true;
        errors.add(file, row.line(), fieldOf(e), e.getMessage());
    }

    /** The column a model constructor's refusal is about: a field of the model is named like its column. */
    static String fieldOf(RuntimeException e) {
        return e instanceof InvalidFieldException invalid ? invalid.field() : null;
    }

    String text(Col col) {
        return at(col, false) ? range.toString() : null;
    }

    String required(Col col) {
        return at(col, true) ? range.toString() : null;
    }

    /**
     * Points the check's range at the trimmed cell; false, having reported an empty required cell,
     * when there is none.
     */
    private boolean at(Col col, boolean required) {
        if (row.range(col, range)) {
            return true;
        }
        if (required) {
            fail(col, col.name() + " is required but the cell is empty");
        }
        return false;
    }

    /** The cell, pointed at by a range that stays valid until the next call on this check; null when empty. */
    CellRange range(Col col, boolean required) {
        return at(col, required) ? range : null;
    }

    LocalDate date(Col col, boolean required) {
        if (!at(col, required)) {
            return null;
        }
        LocalDate date = cells.date(range);
        if (date == null) {
            fail(col, Bounds.quote(range.toString()) + " is not a valid date; expected YYYY-MM-DD");
        }
        return date;
    }

    BigDecimal decimal(Col col, boolean required) {
        if (!at(col, required)) {
            return null;
        }
        BigDecimal value;
        try {
            value = cells.decimal(range, col.name());
        } catch (InvalidFieldException e) {
            fail(col, e.getMessage());
            return null;
        }
        if (value == null) {
            fail(col, Bounds.quote(range.toString()) + " is not a number; expected digits with an optional '.' and decimals, "
                    + "e.g. 49.90");
        }
        return value;
    }

    BigDecimal nonNegative(Col col, boolean required) {
        BigDecimal value = decimal(col, required);
        if (value != null && value.signum() < 0) {
            fail(col, col.name() + " must be >= 0, was " + value.toPlainString());
            return null;
        }
        return value;
    }

    BigDecimal positive(Col col, boolean required) {
        BigDecimal value = decimal(col, required);
        if (value != null && value.signum() <= 0) {
            fail(col, col.name() + " must be > 0, was " + value.toPlainString());
            return null;
        }
        return value;
    }

    BigDecimal between(Col col, BigDecimal min, BigDecimal max) {
        BigDecimal value = decimal(col, false);
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            fail(col, col.name() + " must be between " + min + " and " + max + ", was " + value.toPlainString());
            return null;
        }
        return value;
    }

    /** A whole number >= 1; {@code whenAbsent} for an empty cell; -1 when bad. */
    int count(Col col, int whenAbsent) {
        if (!at(col, false)) {
            return whenAbsent;
        }
        int value = CellParser.wholeNumber(range);
        if (value < 1) {
            fail(col, col.name() + " must be a whole number >= 1, was " + Bounds.quote(range.toString()) + " (at most "
                    + Bounds.COUNT_MAX + ")");
            return -1;
        }
        return value;
    }

    String currency(Col col) {
        if (!at(col, true)) {
            return null;
        }
        String code = cells.currency(range);
        if (code == null) {
            fail(col, Bounds.quote(range.toString()) + " is not an ISO 4217 currency code");
        }
        return code;
    }

    /** One of the wire codes in {@code codes}; {@code whenAbsent} for an empty cell. */
    <E> E oneOf(Col col, Map<String, E> codes, E whenAbsent, String what) {
        if (!at(col, false)) {
            return whenAbsent;
        }
        E value = null;
        for (Map.Entry<String, E> code : codes.entrySet()) { // a handful of codes: no string for the cell
            if (code.getKey().contentEquals(range)) {
                value = code.getValue();
                break;
            }
        }
        if (value == null) {
            fail(col, Bounds.quote(range.toString()) + " is not " + what + " (" + String.join(", ", codes.keySet()) + ")");
        }
        return value;
    }
}
