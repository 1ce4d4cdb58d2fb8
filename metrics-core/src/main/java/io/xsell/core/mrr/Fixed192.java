package io.xsell.core.mrr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact signed 192-bit integers held in three consecutive {@code long}s of an array (least
 * significant first, two's complement), for decimal amounts in fixed point: {@code unscaled * 10^-S}
 * at one scale {@code S} per ledger (see {@link FixedAmounts}). 191 bits of magnitude are 57 decimal
 * digits. Every operation that could leave the range says so instead of wrapping: callers drop the
 * fixed-point form and compute with {@code BigDecimal}, so a result is exact or not produced.
 */
public final class Fixed192 {
    /** Longs per value. */
    public static final int LIMBS = 3;

    private Fixed192() {
    }

    /** {@code a[ai] += b[bi]}; true when the sum left the range (then {@code a[ai]} is garbage). */
    public static boolean add(long[] a, int ai, long[] b, int bi) {
        long a0 = a[ai];
        long b0 = b[bi];
        long r0 = a0 + b0;
        long c0 = ((a0 & b0) | ((a0 | b0) & ~r0)) >>> 63;
        long a1 = a[ai + 1];
        long b1 = b[bi + 1];
        long r1 = a1 + b1 + c0;
        long c1 = ((a1 & b1) | ((a1 | b1) & ~r1)) >>> 63;
        long a2 = a[ai + 2];
        long b2 = b[bi + 2];
        long r2 = a2 + b2 + c1;
        a[ai] = r0;
        a[ai + 1] = r1;
        a[ai + 2] = r2;
        return ((a2 ^ r2) & (b2 ^ r2)) < 0;
    }

    /** {@code a[ai] -= b[bi]}; true when the difference left the range. */
    public static boolean subtract(long[] a, int ai, long[] b, int bi) {
        long a0 = a[ai];
        long b0 = b[bi];
        long r0 = a0 - b0;
        long c0 = ((~a0 & b0) | ((~a0 | b0) & r0)) >>> 63;
        long a1 = a[ai + 1];
        long b1 = b[bi + 1];
        long r1 = a1 - b1 - c0;
        long c1 = ((~a1 & b1) | ((~a1 | b1) & r1)) >>> 63;
        long a2 = a[ai + 2];
        long b2 = b[bi + 2];
        long r2 = a2 - b2 - c1;
        a[ai] = r0;
        a[ai + 1] = r1;
        a[ai + 2] = r2;
        return ((a2 ^ b2) & (a2 ^ r2)) < 0;
    }

    /** {@code to[ti] = -from[fi]}; true when the negation left the range (only for the most negative value). */
    public static boolean negate(long[] from, int fi, long[] to, int ti) {
        long r0 = -from[fi];
        long c0 = r0 == 0 ? 1 : 0;
        long r1 = ~from[fi + 1] + c0;
        long c1 = (c0 == 1 && r1 == 0) ? 1 : 0;
        long h = from[fi + 2];
        long r2 = ~h + c1;
        to[ti] = r0;
        to[ti + 1] = r1;
        to[ti + 2] = r2;
        return (h & r2) < 0;
    }

    /** {@code to[ti] = from[fi]}. */
    public static void copy(long[] from, int fi, long[] to, int ti) {
        to[ti] = from[fi];
        to[ti + 1] = from[fi + 1];
        to[ti + 2] = from[fi + 2];
    }

    /** {@code a[ai] = 0}. */
    public static void clear(long[] a, int ai) {
        a[ai] = 0;
        a[ai + 1] = 0;
        a[ai + 2] = 0;
    }

    /** -1, 0 or 1 as {@code a[ai]} is negative, zero or positive. */
    public static int signum(long[] a, int ai) {
        long hi = a[ai + 2];
        if (hi != 0) {
            return hi < 0 ? -1 : 1;
        }
        return (a[ai] | a[ai + 1]) == 0 ? 0 : 1;
    }

    /** The sign of {@code a[ai] - b[bi]}. */
    public static int compare(long[] a, int ai, long[] b, int bi) {
        int c = Long.compare(a[ai + 2], b[bi + 2]);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(a[ai + 1], b[bi + 1]);
        return c != 0 ? c : Long.compareUnsigned(a[ai], b[bi]);
    }

    /** Whether {@code a[ai]} and {@code b[bi]} hold the same value. */
    public static boolean same(long[] a, int ai, long[] b, int bi) {
        return a[ai] == b[bi] && a[ai + 1] == b[bi + 1] && a[ai + 2] == b[bi + 2];
    }

    /** Stores {@code value} at {@code a[ai]}; false (and nothing stored) when it needs more than {@code bits} bits besides the sign. */
    static boolean set(long[] a, int ai, BigInteger value, int bits) {
        if (value.bitLength() > bits || bits > 191) {
            return false;
        }
        a[ai] = value.longValue();
        a[ai + 1] = value.shiftRight(64).longValue();
        a[ai + 2] = value.shiftRight(128).longValue();
        return true;
    }

    /** The integer at {@code a[ai]}. */
    public static BigInteger toBigInteger(long[] a, int ai) {
        byte[] bytes = new byte[24];
        for (int limb = 0; limb < LIMBS; limb++) {
            long v = a[ai + limb];
            for (int b = 0; b < 8; b++) {
                bytes[23 - 8 * limb - b] = (byte) (v >>> (8 * b));
            }
        }
        return new BigInteger(bytes);
    }

    /**
     * The decimal {@code a[ai] * 10^-fixedScale} with scale {@code scale} (at most {@code fixedScale}),
     * which must represent it exactly: the scale a {@code BigDecimal} sum of the same terms has.
     *
     * @throws ArithmeticException when the value has more decimals than {@code scale}
     */
    public static BigDecimal toBigDecimal(long[] a, int ai, int fixedScale, int scale) {
        return new BigDecimal(toBigInteger(a, ai), fixedScale).setScale(scale, RoundingMode.UNNECESSARY);
    }
}
