package io.xsell.core.mrr;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.RecurringItem;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Monthly recurring revenue of one item (spec section 2). */
public final class ItemMrr {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ItemMrr() {
    }

    /**
     * The item's MRR in the reporting currency.
     *
     * @param fxRate reporting-currency units per unit of the item's currency, taken on the item's
     *               start date and kept for its whole life so that FX never creates movements
     */
    public static BigDecimal monthly(RecurringItem item, BigDecimal fxRate) {
        return monthly(item.unitAmount(), item.quantity(), item.discountPercent(), item.discountAmount(),
                item.interval(), item.intervalCount(), fxRate);
    }

    /** The MRR of an item of these fields (discounts null for none): what pricing by codes computes once per input. */
    static BigDecimal monthly(BigDecimal unitAmount, BigDecimal quantity, BigDecimal discountPercent,
                              BigDecimal discountAmount, BillingInterval interval, int intervalCount,
                              BigDecimal fxRate) {
        BigDecimal net = unitAmount.multiply(quantity);
        if (discountPercent != null) {
            net = net.multiply(HUNDRED.subtract(discountPercent)).movePointLeft(2);
        }
        if (discountAmount != null) {
            net = net.subtract(discountAmount);
        }
        if (net.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal converted = net.multiply(fxRate);
        if (interval.periodsPerYear() == 12 * intervalCount) {
            return converted; // a plain monthly price: the division below would be by 1
        }
        // net / months(interval) / count, as one division: months(interval) = 12 / periodsPerYear.
        BigDecimal yearly = converted.multiply(BigDecimal.valueOf(interval.periodsPerYear()));
        return divide(yearly, 12L * intervalCount);
    }

    /** 10^34: a quotient below it in magnitude has at most {@code Decimals.MC}'s 34 digits. */
    private static final BigInteger PRECISION_BOUND = BigInteger.TEN.pow(34);
    /** The most decimals beyond the dividend's that the short way looks for. */
    private static final int MORE_DECIMALS = 4;
    private static final long[] TENS = {1, 10, 100, 1_000, 10_000};

    /**
     * {@code dividend.divide(BigDecimal.valueOf(divisor), Decimals.MC)}, value and scale. When the
     * quotient is exact with at most 34 digits, {@code BigDecimal} returns it at the scale closest to
     * the preferred one ({@code dividend.scale()}): the least scale from there on that holds it. It
     * finds that scale by computing 34 digits and stripping the zeros one {@code BigInteger} division
     * by ten at a time, which was most of what pricing a yearly price cost and allocated. Here one
     * division of the unscaled value {@code u} by the small divisor {@code d} gives {@code q} and
     * {@code r}; the quotient is exact at {@code e} more decimals when {@code d} divides
     * {@code r * 10^e} (a {@code long} test), and is then {@code q * 10^e + r * 10^e / d} at scale
     * {@code dividend.scale() + e}, returned as it is for {@code e} up to {@value #MORE_DECIMALS} and
     * at most 34 digits. Every other quotient (not exact, more decimals or more digits) is left to
     * {@code BigDecimal.divide}.
     *
     * @param divisor positive
     */
    static BigDecimal divide(BigDecimal dividend, long divisor) {
        if (divisor > 0 && divisor < 1L << 40) { // r * 10^e fits a long
            BigInteger[] qr = dividend.unscaledValue().divideAndRemainder(BigInteger.valueOf(divisor));
            long r = qr[1].longValue(); // |r| < divisor, sign of the dividend
            for (int e = 0; e <= MORE_DECIMALS; e++) {
                long scaled = r * TENS[e];
                if (scaled % divisor == 0) {
                    BigInteger q = e == 0 ? qr[0]
                            : qr[0].multiply(BigInteger.valueOf(TENS[e])).add(BigInteger.valueOf(scaled / divisor));
                    long scale = (long) dividend.scale() + e;
                    if (q.abs().compareTo(PRECISION_BOUND) < 0 && scale <= Integer.MAX_VALUE) {
                        return new BigDecimal(q, (int) scale);
                    }
                    break; // exact, but more than 34 digits: BigDecimal rounds it
                }
            }
        }
        return dividend.divide(BigDecimal.valueOf(divisor), Decimals.MC);
    }
}
