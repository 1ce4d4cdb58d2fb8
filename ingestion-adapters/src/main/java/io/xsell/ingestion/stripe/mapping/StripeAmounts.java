package io.xsell.ingestion.stripe.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

/** Stripe's wire conventions: amounts in the currency's smallest unit, times as Unix seconds. */
public final class StripeAmounts {
    /** Currencies Stripe charges in whole units: their amounts carry no cents. */
    private static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private StripeAmounts() {
    }

    /** The ISO code Stripe writes in lower case. */
    public static String currency(String stripeCurrency) {
        return stripeCurrency.toUpperCase(Locale.ROOT);
    }

    /** An amount in the currency's major unit, exactly. */
    public static BigDecimal major(BigDecimal minorUnits, String currency) {
        return ZERO_DECIMAL.contains(currency(currency)) ? minorUnits : minorUnits.divide(HUNDRED);
    }

    public static BigDecimal major(long minorUnits, String currency) {
        return major(BigDecimal.valueOf(minorUnits), currency);
    }

    /** The amount in the currency's smallest unit; exact (throws when the amount has finer digits). */
    public static long minor(BigDecimal major, String currency) {
        return ZERO_DECIMAL.contains(currency(currency)) ? major.longValueExact()
                : major.multiply(HUNDRED).longValueExact();
    }

    /** The UTC calendar day of a Stripe timestamp. */
    public static LocalDate day(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Midnight UTC of {@code day}, as a Stripe timestamp. */
    public static long epoch(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
