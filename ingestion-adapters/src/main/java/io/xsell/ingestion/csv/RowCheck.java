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
        return row.cell(col);
    }

    String required(Col col) {
        String value = row.cell(col);
        if (value == null) {
            fail(col, col.name() + " is required but the cell is empty");
        }
        return value;
    }

    LocalDate date(Col col, boolean required) {
        String text = required ? required(col) : row.cell(col);
        if (text == null) {
            return null;
        }
        LocalDate date = cells.date(text);
        if (date == null) {
            fail(col, Bounds.quote(text) + " is not a valid date; expected YYYY-MM-DD");
        }
        return date;
    }

    BigDecimal decimal(Col col, boolean required) {
        String text = required ? required(col) : row.cell(col);
        if (text == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = cells.decimal(text, col.name());
        } catch (InvalidFieldException e) {
            fail(col, e.getMessage());
            return null;
        }
        if (value == null) {
            fail(col, Bounds.quote(text) + " is not a number; expected digits with an optional '.' and decimals, "
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
        String text = row.cell(col);
        if (text == null) {
            return whenAbsent;
        }
        int value = CellParser.wholeNumber(text);
        if (value < 1) {
            fail(col, col.name() + " must be a whole number >= 1, was " + Bounds.quote(text) + " (at most "
                    + Bounds.COUNT_MAX + ")");
            return -1;
        }
        return value;
    }

    String currency(Col col) {
        String text = required(col);
        if (text == null) {
            return null;
        }
        String code = cells.currency(text);
        if (code == null) {
            fail(col, Bounds.quote(text) + " is not an ISO 4217 currency code");
        }
        return code;
    }

    /** One of the wire codes in {@code codes}; {@code whenAbsent} for an empty cell. */
    <E> E oneOf(Col col, Map<String, E> codes, E whenAbsent, String what) {
        String text = row.cell(col);
        if (text == null) {
            return whenAbsent;
        }
        E value = codes.get(text);
        if (value == null) {
            fail(col, Bounds.quote(text) + " is not " + what + " (" + String.join(", ", codes.keySet()) + ")");
        }
        return value;
    }
}
