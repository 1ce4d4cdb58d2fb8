package io.xsell.core.mrr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link Fixed192} against {@code BigInteger}: every result in range is exact, every result out of
 * range is reported, and a {@link WindowScan} that meets one gives up instead of wrapping.
 */
class Fixed192Test {
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(191).subtract(BigInteger.ONE);
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(191).negate();

    private static BigInteger random(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> MAX.subtract(BigInteger.valueOf(random.nextInt(3)));
            case 1 -> MIN.add(BigInteger.valueOf(random.nextInt(3)));
            case 2 -> BigInteger.valueOf(random.nextLong());
            case 3 -> BigInteger.ONE.shiftLeft(64 * (1 + random.nextInt(2))).subtract(BigInteger.valueOf(random.nextInt(3) - 1))
                    .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
            default -> {
                BigInteger v = new BigInteger(1 + random.nextInt(191), random);
                yield random.nextBoolean() ? v : v.negate();
            }
        };
    }

    private static long[] of(BigInteger... values) {
        long[] a = new long[3 * values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(MIN)) { // 192 bits with the sign: set() refuses it, so written directly
                a[3 * i + 2] = Long.MIN_VALUE;
            } else {
                assertThat(Fixed192.set(a, 3 * i, values[i], 191)).isTrue();
            }
        }
        return a;
    }

    private static boolean inRange(BigInteger v) {
        return v.compareTo(MIN) >= 0 && v.compareTo(MAX) <= 0;
    }

    @Property(tries = 3000)
    void arithmeticIsExactOrReportsTheOverflow(@ForAll long seed) {
        Random random = new Random(seed);
        BigInteger x = random(random);
        BigInteger y = random(random);
        long[] a = of(x, y);
        assertThat(Fixed192.toBigInteger(a, 0)).isEqualTo(x);
        assertThat(Fixed192.signum(a, 0)).isEqualTo(x.signum());
        assertThat(Fixed192.compare(a, 0, a, 3)).isEqualTo(x.compareTo(y));
        assertThat(Fixed192.same(a, 0, a, 3)).isEqualTo(x.equals(y));

        long[] sum = a.clone();
        boolean sumOverflow = Fixed192.add(sum, 0, sum, 3);
        assertThat(sumOverflow).isEqualTo(!inRange(x.add(y)));
        if (!sumOverflow) {
            assertThat(Fixed192.toBigInteger(sum, 0)).isEqualTo(x.add(y));
        }
        long[] difference = a.clone();
        boolean differenceOverflow = Fixed192.subtract(difference, 0, difference, 3);
        assertThat(differenceOverflow).isEqualTo(!inRange(x.subtract(y)));
        if (!differenceOverflow) {
            assertThat(Fixed192.toBigInteger(difference, 0)).isEqualTo(x.subtract(y));
        }
        long[] negated = new long[3];
        boolean negationOverflow = Fixed192.negate(a, 0, negated, 0);
        assertThat(negationOverflow).isEqualTo(!inRange(x.negate()));
        if (!negationOverflow) {
            assertThat(Fixed192.toBigInteger(negated, 0)).isEqualTo(x.negate());
        }
    }

    @Test
    void decimalsComeBackWithTheScaleAsked() {
        long[] a = new long[3];
        assertThat(Fixed192.set(a, 0, new BigInteger("-250000"), 160)).isTrue();
        assertThat(Fixed192.toBigDecimal(a, 0, 5, 1)).isEqualTo(new BigDecimal("-2.5"));
        assertThat(Fixed192.toBigDecimal(a, 0, 5, 3)).isEqualTo(new BigDecimal("-2.500"));
        assertThat(Fixed192.set(a, 0, BigInteger.ONE.shiftLeft(160), 160)).isFalse();
    }

    @Test
    void aScanThatLeavesTheRangeGivesUp() {
        BigDecimal near = new BigDecimal(BigInteger.ONE.shiftLeft(190).add(BigInteger.ONE), 2);
        PricedItem[][] items = {
            {new PricedItem(0, 100, PricedItem.OPEN, near, false), new PricedItem(0, 110, PricedItem.OPEN, near, false)},
            {new PricedItem(0, 100, PricedItem.OPEN, near, false), new PricedItem(1, 110, PricedItem.OPEN, near, false)},
            {new PricedItem(0, 100, 120, near, false)},
        };
        PricedItemColumns columns = PricedItemColumns.of(items);
        FixedAmounts amounts = FixedAmounts.of(columns.image().amounts().toArray(new BigDecimal[0]), 191);
        assertThat(amounts.representable()).isTrue();
        assertThat(FixedAmounts.of(columns.image().amounts().toArray(new BigDecimal[0])).representable()).isFalse();
        WindowScan scan = new WindowScan(columns, amounts, 2, 90, 200);
        assertThat(scan.scan(0)).as("two amounts near 2^190 on one line").isFalse();
        assertThat(scan.scan(1)).as("two amounts near 2^190 make a total beyond the range").isFalse();
        assertThat(scan.scan(2)).isTrue();
        assertThat(scan.movementCount()).isEqualTo(2);
        assertThat(Fixed192.toBigDecimal(scan.values(), 3 * WindowScan.movementEntry(1), 2, 2)).isEqualTo(near.negate());
    }
}
