package io.xsell.core.mrr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The arithmetic rules of the contract: decimal with 34 significant digits while computing,
 * rounded half-even to 2 decimals only when presented.
 */
public final class Decimals {
    public static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    /** Rounds a money amount, percentage or ratio for presentation; null stays null. */
    public static BigDecimal present(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** {@code numerator / denominator}, or null when the denominator is zero. */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, MC);
    }

    public static BigDecimal ratio(long numerator, long denominator) {
        return ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    public static BigDecimal ratio(BigDecimal numerator, long denominator) {
        return ratio(numerator, BigDecimal.valueOf(denominator));
    }

    /** {@code numerator / denominator * 100}, or null when the denominator is zero. */
    public static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
        BigDecimal ratio = ratio(numerator, denominator);
        return ratio == null ? null : ratio.multiply(HUNDRED);
    }

    public static BigDecimal percent(long numerator, long denominator) {
        return percent(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    public static boolean isZero(BigDecimal value) {
        return value.signum() == 0;
    }
}
