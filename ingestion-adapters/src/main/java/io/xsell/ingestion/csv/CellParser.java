package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import io.xsell.core.model.CurrencyCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Turns cell text into values for one import. Dates, amounts and currency codes repeat heavily across
 * millions of rows, so parsed values are cached by their text: parsing is paid once per distinct text and
 * equal values share one instance. Caches are bounded so that data with few repeats cannot blow them up.
 * Returns null for text that is not a valid value; the caller words the error.
 */
final class CellParser {
    private static final int CACHE_LIMIT = 100_000;

    private final TextCache<LocalDate> dates = new TextCache<>(CACHE_LIMIT);
    private final TextCache<BigDecimal> decimals = new TextCache<>(CACHE_LIMIT);
    private final TextCache<String> currencies = new TextCache<>(CACHE_LIMIT);

    CellParser() {
        decimals.put("0", BigDecimal.ZERO);
        decimals.put("1", BigDecimal.ONE);
        decimals.put("10", BigDecimal.TEN);
    }

    /** A {@code YYYY-MM-DD} calendar date; nothing else (no times, no other separators) is accepted. */
    LocalDate date(CellRange text) {
        if (text.length() != 10) {
            return null; // no string made of a cell that cannot be a date, however long
        }
        LocalDate cached = dates.get(text);
        if (cached != null) {
            return cached;
        }
        String key = text.toString();
        LocalDate parsed = parseIsoDate(key);
        if (parsed != null) {
            dates.put(key, parsed);
        }
        return parsed;
    }

    /**
     * A plain decimal within {@link Bounds}: optional minus, digits, optional '.' followed by digits. No
     * exponent, no grouping. Null when the text is no such number.
     *
     * @throws io.xsell.core.model.InvalidFieldException when it has more digits than the bounds allow
     */
    BigDecimal decimal(CellRange text, String field) {
        BigDecimal cached = decimals.get(text);
        if (cached != null) {
            return cached;
        }
        String key = text.toString();
        BigDecimal parsed = Bounds.decimal(key, field);
        if (parsed != null) {
            decimals.put(key, parsed);
        }
        return parsed;
    }

    /** The upper-case ISO 4217 code, one shared instance per code. */
    String currency(CellRange text) {
        String cached = currencies.get(text);
        if (cached != null) {
            return cached;
        }
        String key = text.toString();
        String code;
        try {
            code = CurrencyCode.require(key).intern();
        } catch (IllegalArgumentException e) {
            return null;
        }
        currencies.put(key, code);
        return code;
    }

    /** A non-negative whole number of at most nine digits, or -1. */
    static int wholeNumber(CellRange text) {
        int length = text.length();
        if (length == 0 || length > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < length; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    static LocalDate parseIsoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
