package io.xsell.server.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One instance per distinct value for the rows of one load. A tenant with a million customers
 * has a few thousand distinct dates, amounts and attribute sets, and every item repeats its
 * customer's id: sharing them keeps the loaded dataset a fraction of its unshared size.
 * Not thread-safe; lives only as long as one load.
 */
final class SharedValues {
    private final Map<String, String> strings = new HashMap<>();
    private final Map<String, LocalDate> dates = new HashMap<>();
    private final Map<String, BigDecimal> decimals = new HashMap<>();
    private final Map<String, Map<String, String>> attributeSets = new HashMap<>();
    // the same values found by a cell's UTF-8 bytes, without a String per cell
    private final TextKeyed<String> stringsByText = new TextKeyed<>(this::string);
    private final TextKeyed<LocalDate> datesByText = new TextKeyed<>(this::date);
    private final TextKeyed<BigDecimal> decimalsByText = new TextKeyed<>(this::decimal);

    String string(String value) {
        if (value == null) {
            return null;
        }
        String known = strings.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    LocalDate date(String iso) {
        return iso == null ? null : dates.computeIfAbsent(iso, LocalDate::parse);
    }

    BigDecimal decimal(String text) {
        return text == null ? null : decimals.computeIfAbsent(text, BigDecimal::new);
    }

    /** {@link #string(String)} of the text whose UTF-8 bytes are {@code utf8}, without decoding it again. */
    String string(byte[] utf8) {
        return stringsByText.get(utf8);
    }

    /**
     * A column whose value mostly repeats the previous row's (a customer's items follow each other,
     * and a subscription's): {@link #string(String)} of each cell, the previous row's string when
     * the bytes are the same, without a table of every distinct text.
     */
    Run run() {
        return new Run();
    }

    /** The state of one column of one read: the last cell's bytes and string. */
    final class Run {
        private byte[] last;
        private String value;

        /** {@link #string(String)} of the text whose UTF-8 bytes are {@code utf8}; null for null. */
        String string(byte[] utf8) {
            if (utf8 == null) {
                last = null;
                return null;
            }
            if (last == null || !Arrays.equals(last, utf8)) {
                value = SharedValues.this.string(new String(utf8, StandardCharsets.UTF_8));
                last = utf8.clone();
            }
            return value;
        }
    }

    /** {@link #date(String)} of the text whose UTF-8 bytes are {@code utf8}. */
    LocalDate date(byte[] utf8) {
        return datesByText.get(utf8);
    }

    /** {@link #decimal(String)} of the text whose UTF-8 bytes are {@code utf8}. */
    BigDecimal decimal(byte[] utf8) {
        return decimalsByText.get(utf8);
    }

    /** An immutable map, so that {@code Customer}'s defensive {@code Map.copyOf} keeps this instance. */
    Map<String, String> attributes(String json) {
        Map<String, String> known = attributeSets.get(json);
        if (known == null) {
            Map<String, String> shared = new LinkedHashMap<>();
            AttributesJson.read(json).forEach((name, value) -> shared.put(string(name), string(value)));
            known = Map.copyOf(shared);
            attributeSets.put(json, known);
        }
        return known;
    }
}
