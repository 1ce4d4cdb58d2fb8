package io.xsell.core.mrr;

import io.xsell.core.model.HeapFootprint;
import java.math.BigDecimal;

/**
 * A ledger's distinct monthly amounts in exact fixed point: amount {@code i} is
 * {@code values[3i..3i+2] * 10^-scale} ({@link Fixed192}), at one scale for all, the largest scale
 * among them ({@code scale}, never below 0), and {@code scales[i]} is the amount's own
 * {@code BigDecimal} scale (at least 0), so that sums can be given the scale a {@code BigDecimal}
 * sum of the same amounts has.
 *
 * <p>Bounds: the common scale is at most {@value #MAX_SCALE} and every amount, times
 * {@code 10^scale}, needs at most {@value #MAX_BITS} bits besides its sign (34-digit amounts at
 * scale 32, as {@code 500 / 12} gives, up to about 10^16; at scale 40 up to about 10^8). That leaves
 * 31 bits of the 191 for sums: two billion maximal amounts add up without leaving the range, and
 * every addition checks anyway. When an amount is out of bounds there is no fixed-point form
 * ({@link #representable()} is false) and reports compute with {@code BigDecimal}.
 */
final class FixedAmounts {
    static final int MAX_SCALE = 120;
    static final int MAX_BITS = 160;

    private final int scale;
    private final long[] values;
    private final byte[] scales;

    private FixedAmounts(int scale, long[] values, byte[] scales) {
        this.scale = scale;
        this.values = values;
        this.scales = scales;
    }

    static FixedAmounts of(BigDecimal[] amounts) {
        return of(amounts, MAX_BITS);
    }

    /** With another bound on the bits of an amount (at most 191), for tests of the range checks. */
    static FixedAmounts of(BigDecimal[] amounts, int maxBits) {
        int scale = 0;
        for (BigDecimal amount : amounts) {
            scale = Math.max(scale, amount.scale());
        }
        if (scale > MAX_SCALE) {
            return new FixedAmounts(scale, null, null);
        }
        long[] values = new long[Fixed192.LIMBS * amounts.length];
        byte[] scales = new byte[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            BigDecimal amount = amounts[i];
            if (!Fixed192.set(values, Fixed192.LIMBS * i, amount.setScale(scale).unscaledValue(), maxBits)) {
                return new FixedAmounts(scale, null, null);
            }
            scales[i] = (byte) Math.max(0, amount.scale());
        }
        return new FixedAmounts(scale, values, scales);
    }

    /** Whether every amount is within the bounds; if not, nothing else of this object is usable. */
    boolean representable() {
        return values != null;
    }

    /** The common scale S: value {@code v} stands for {@code v * 10^-S}. */
    int scale() {
        return scale;
    }

    /** The values, three longs per amount code. */
    long[] values() {
        return values;
    }

    /** The {@code BigDecimal} scale of amount {@code code} (at least 0). */
    int scaleOf(int code) {
        return scales[code];
    }

    long retainedBytes() {
        return HeapFootprint.object(HeapFootprint.REF * 2 + 4)
                + (values == null ? 0 : HeapFootprint.longArray(values.length) + HeapFootprint.byteArray(scales.length));
    }
}
