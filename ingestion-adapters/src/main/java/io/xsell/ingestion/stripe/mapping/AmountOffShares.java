package io.xsell.ingestion.stripe.mapping;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Stripe's proportional rule for an amount-off coupon when no invoice line states the shares yet:
 * the coupon is taken off the invoice's subtotal (never below zero) and spread over the
 * discountable lines in proportion to their amounts. Shares are whole minor units and add up to
 * exactly the amount taken off, as the discounts of one invoice do: each line gets the floor of
 * its exact share, and the units left over go one each to the largest remainders (the earlier
 * line first on a tie).
 */
final class AmountOffShares {
    private AmountOffShares() {
    }

    /**
     * @param amountOff the coupon's {@code amount_off}, in minor units
     * @param amounts   each discountable line's amount, in minor units (negative counts as 0)
     * @return each line's share, in the same order
     */
    static long[] of(long amountOff, long[] amounts) {
        if (amountOff < 0) {
            throw new IllegalArgumentException("amount_off must be >= 0, was " + amountOff);
        }
        long[] positive = Arrays.stream(amounts).map(a -> Math.max(0, a)).toArray();
        long total = Arrays.stream(positive).sum();
        if (amountOff >= total) {
            // the subtotal is smaller than the coupon: every line is taken to zero
            return positive;
        }
        long[] shares = new long[amounts.length];
        BigInteger[] remainders = new BigInteger[amounts.length];
        long given = 0;
        for (int i = 0; i < amounts.length; i++) {
            // amount_off × amount can exceed a long for large invoices
            BigInteger[] division = BigInteger.valueOf(amountOff).multiply(BigInteger.valueOf(positive[i]))
                    .divideAndRemainder(BigInteger.valueOf(total));
            shares[i] = division[0].longValueExact();
            remainders[i] = division[1];
            given += shares[i];
        }
        int[] order = IntStream.range(0, amounts.length).boxed()
                .sorted(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                        .thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
        for (int k = 0; given < amountOff; k++, given++) {
            shares[order[k]]++;
        }
        return shares;
    }
}
