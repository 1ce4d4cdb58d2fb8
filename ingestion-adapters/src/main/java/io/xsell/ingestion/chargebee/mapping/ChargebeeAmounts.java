package io.xsell.ingestion.chargebee.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;

/**
 * Chargebee's wire conventions: amounts in the currency's smallest unit (cents for USD, yen for
 * JPY, fils for KWD: the ISO 4217 exponent), times as Unix seconds, currency codes in upper case.
 */
public final class ChargebeeAmounts {
    private ChargebeeAmounts() {
    }

    /** The ISO 4217 exponent of {@code currency}; throws naming the code when Java does not know it. */
    public static int exponent(String currency) {
        try {
            int digits = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
            return Math.max(digits, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + currency + "' is not an ISO 4217 currency code", e);
        }
    }

    /** An amount in minor units as the major-unit decimal, exactly. */
    public static BigDecimal major(long minorUnits, String currency) {
        return BigDecimal.valueOf(minorUnits, exponent(currency));
    }

    /** The amount in minor units; throws when the amount has finer digits than the currency allows. */
    public static long minor(BigDecimal major, String currency) {
        return major.movePointRight(exponent(currency)).longValueExact();
    }

    public static LocalDate day(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC).toLocalDate();
    }

    public static long epoch(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
