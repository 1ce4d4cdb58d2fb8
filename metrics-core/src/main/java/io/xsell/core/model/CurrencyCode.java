package io.xsell.core.model;

import java.util.Currency;

/** ISO 4217 validation shared by every value type that carries a currency. */
public final class CurrencyCode {
    // Every row carries a code and a tenant uses a handful: remembering the valid ones skips the
    // case conversion and the Currency lookup; ISO 4217 has under 300 codes, so this stays small.
    private static final java.util.concurrent.ConcurrentHashMap<String, String> VALID =
            new java.util.concurrent.ConcurrentHashMap<>();

    private CurrencyCode() {
    }

    /** Returns the upper-case code, or throws naming the bad value. */
    public static String require(String code) {
        String known = code == null ? null : VALID.get(code);
        if (known != null) {
            return known;
        }
        if (code == null || code.length() != 3) {
            throw new IllegalArgumentException(Bounds.quote(code) + " is not an ISO 4217 currency code");
        }
        String upper = code.toUpperCase(java.util.Locale.ROOT);
        try {
            Currency.getInstance(upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Bounds.quote(code) + " is not an ISO 4217 currency code");
        }
        VALID.putIfAbsent(code, upper);
        return upper;
    }
}
