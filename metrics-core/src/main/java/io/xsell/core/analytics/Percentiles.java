package io.xsell.core.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Percentiles by linear interpolation between closest ranks, the definition known as R-7 or
 * Excel's {@code PERCENTILE.INC}: for ascending values {@code x[0..n-1]} and {@code 0 <= p <= 1},
 * {@code h = (n - 1) p} and the percentile is {@code x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])}.
 * It is chosen because it is what spreadsheet users check against, it never leaves the
 * range of the data, and the median it gives is the usual one (mean of the two middle values for
 * even {@code n}). The arithmetic is exact: {@code p} is a decimal and no division happens.
 * No values give null, never 0.
 */
public final class Percentiles {
    public static final BigDecimal P25 = new BigDecimal("0.25");
    public static final BigDecimal MEDIAN = new BigDecimal("0.5");
    public static final BigDecimal P75 = new BigDecimal("0.75");

    private Percentiles() {
    }

    /** The {@code p} percentile of ascending {@code sorted}, or null when it is empty. */
    public static BigDecimal percentile(int[] sorted, BigDecimal p) {
        requireFraction(p);
        int n = sorted.length;
        if (n == 0) {
            return null;
        }
        BigDecimal h = p.multiply(BigDecimal.valueOf(n - 1L));
        int lo = h.intValue(); // h >= 0, so truncation is the floor
        BigDecimal low = BigDecimal.valueOf(sorted[lo]);
        if (lo + 1 >= n) {
            return low;
        }
        BigDecimal fraction = h.subtract(BigDecimal.valueOf(lo));
        return low.add(fraction.multiply(BigDecimal.valueOf((long) sorted[lo + 1] - sorted[lo])));
    }

    /** The {@code p} percentile of ascending {@code sorted}, or null when it is empty. */
    public static BigDecimal percentile(List<BigDecimal> sorted, BigDecimal p) {
        requireFraction(p);
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        BigDecimal h = p.multiply(BigDecimal.valueOf(n - 1L));
        int lo = h.intValue();
        BigDecimal low = sorted.get(lo);
        if (lo + 1 >= n) {
            return low;
        }
        BigDecimal fraction = h.subtract(BigDecimal.valueOf(lo));
        return low.add(fraction.multiply(sorted.get(lo + 1).subtract(low)));
    }

    /** The median (p = 0.5) of ascending {@code sorted}, or null when it is empty. */
    public static BigDecimal median(int[] sorted) {
        return percentile(sorted, MEDIAN);
    }

    private static void requireFraction(BigDecimal p) {
        Objects.requireNonNull(p, "p");
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("p must be within [0, 1], was " + p);
        }
    }
}
