package io.xsell.core.model;

import java.math.BigDecimal;

/**
 * The bound of every value xsell accepts, in one place: the model's constructors apply them, and
 * every way in (CSV import, JSON batches, Stripe mapping, API parameters) reaches them through the
 * model or through {@link #decimal(String, String)}, so a value is judged the same on each path.
 * Checks never expand a value: a decimal such as {@code 1e200000000} is refused from its precision
 * and scale, never written out. docs/import.md and docs/api.md hold the table.
 */
public final class Bounds {
    /** Ids of every kind ({@code customer_id}, {@code item_id}, {@code campaign_id}, ...) and product lines. */
    public static final int ID_MAX = 200;
    /** Display names and descriptions. */
    public static final int NAME_MAX = 1000;
    /** A customer attribute's name (a column header of customers.csv). */
    public static final int ATTRIBUTE_NAME_MAX = 200;
    /** A customer attribute's value. */
    public static final int ATTRIBUTE_VALUE_MAX = 1000;
    /** Attributes one customer may carry. */
    public static final int ATTRIBUTES_MAX = 200;
    /** Digits before the decimal point of any amount, rate, percentage or quantity: below 10^12. */
    public static final int INTEGER_DIGITS_MAX = 12;
    /** Digits after the point of a decimal given as text (CSV cell, JSON number). */
    public static final int DECIMAL_PLACES_MAX = 14;
    /**
     * Significant digits of any decimal the model holds: the engine computes in
     * {@link java.math.MathContext#DECIMAL128}, which holds 34 exactly.
     */
    public static final int PRECISION_MAX = 34;
    /** The largest whole count (usage {@code count}, {@code interval_count}). */
    public static final int COUNT_MAX = 999_999_999;
    /** How much of an offending value an error message quotes. */
    public static final int QUOTE_MAX = 100;

    private Bounds() {
    }

    /** A required id: not blank, at most {@link #ID_MAX} characters. */
    public static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, field + " is required and must not be blank");
        }
        return length(value, field, ID_MAX);
    }

    /** An optional id (null passes). */
    public static String optionalId(String value, String field) {
        return value == null ? null : length(value, field, ID_MAX);
    }

    /** An optional text of at most {@code max} characters (null passes). */
    public static String length(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidFieldException(field, field + " must be at most " + max + " characters, was "
                    + value.length());
        }
        return value;
    }

    /**
     * A decimal the model may hold: fewer than {@link #INTEGER_DIGITS_MAX} digits before the point and at
     * most {@link #PRECISION_MAX} significant digits. Null passes.
     */
    public static BigDecimal magnitude(BigDecimal value, String field) {
        if (value == null) {
            return null;
        }
        if (integerDigits(value) > INTEGER_DIGITS_MAX || value.precision() > PRECISION_MAX) {
            throw new InvalidFieldException(field, field + " is out of range: at most " + INTEGER_DIGITS_MAX
                    + " digits before the decimal point and " + PRECISION_MAX + " significant digits, was "
                    + describe(value));
        }
        return value;
    }

    /**
     * A decimal as a client writes it (a JSON number already read): at most {@link #INTEGER_DIGITS_MAX}
     * digits before the point and {@link #DECIMAL_PLACES_MAX} after. Null passes.
     */
    public static BigDecimal wireDecimal(BigDecimal value, String field) {
        if (value == null) {
            return null;
        }
        if (integerDigits(value) > INTEGER_DIGITS_MAX || value.scale() > DECIMAL_PLACES_MAX) {
            throw new InvalidFieldException(field, field + " must have at most " + INTEGER_DIGITS_MAX
                    + " digits before the decimal point and " + DECIMAL_PLACES_MAX + " after, was " + describe(value));
        }
        return value;
    }

    /**
     * A decimal written as text: an optional {@code -}, digits, optionally {@code .} and digits; no
     * {@code +}, no exponent, no grouping; within the digit bounds of {@link #wireDecimal}. The length is
     * counted before anything is parsed, so a long cell costs one scan.
     *
     * @return the value, or null when the text is not a plain decimal at all (the caller words that error)
     * @throws InvalidFieldException when it is one but has too many digits
     */
    public static BigDecimal decimal(String text, String field) {
        int length = text.length();
        int i = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        int integerStart = i;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
        }
        int integerDigits = i - integerStart;
        if (integerDigits == 0) {
            return null;
        }
        int decimals = 0;
        if (i < length) {
            if (text.charAt(i) != '.') {
                return null;
            }
            int fractionStart = ++i;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            decimals = i - fractionStart;
            if (decimals == 0 || i != length) {
                return null;
            }
        }
        if (integerDigits > INTEGER_DIGITS_MAX || decimals > DECIMAL_PLACES_MAX) {
            throw new InvalidFieldException(field, field + " must have at most " + INTEGER_DIGITS_MAX
                    + " digits before the decimal point and " + DECIMAL_PLACES_MAX + " after, was " + quote(text));
        }
        return new BigDecimal(text);
    }

    /** {@code text} in single quotes, cut to {@link #QUOTE_MAX} characters with an ellipsis. */
    public static String quote(String text) {
        return "'" + cut(text) + "'";
    }

    /** {@code text} cut to {@link #QUOTE_MAX} characters with an ellipsis and the full length. */
    public static String cut(String text) {
        if (text == null || text.length() <= QUOTE_MAX) {
            return text;
        }
        return text.substring(0, QUOTE_MAX) + "… (" + text.length() + " characters)";
    }

    /** A short rendering of any decimal: plain when small, scientific when written out it would be long. */
    public static String describe(BigDecimal value) {
        long digits = (long) value.precision() + Math.abs((long) value.scale());
        // toString is scientific only for a negative scale: a 400-digit whole number is cut instead
        return digits <= QUOTE_MAX ? value.toPlainString() : cut(value.toString());
    }

    private static long integerDigits(BigDecimal value) {
        return value.signum() == 0 ? 0 : (long) value.precision() - value.scale();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
