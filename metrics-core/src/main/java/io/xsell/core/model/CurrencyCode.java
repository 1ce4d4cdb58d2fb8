package io.xsell.core.model;

import java.util.Currency;

/** ISO 4217 validation shared by every value type that carries a currency. */
public final class CurrencyCode {
    private CurrencyCode() {
    }

    /** Returns the upper-case code, or throws naming the bad value. */
    public static String require(String code) {
        if (code == null || code.length() != 3) {
            throw new IllegalArgumentException(Bounds.quote(code) + " is not an ISO 4217 currency code");
        }
        String upper = code.toUpperCase(java.util.Locale.ROOT);
        try {
            Currency.getInstance(upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Bounds.quote(code) + " is not an ISO 4217 currency code");
        }
        return upper;
    }
}
