package io.xsell.core.mrr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ItemMrr#divide}: the very {@code BigDecimal} (value and scale) that {@code divide(.., DECIMAL128)} gives. */
class ItemMrrDivideTest {

    private static void same(BigDecimal dividend, long divisor) {
        BigDecimal expected = dividend.divide(BigDecimal.valueOf(divisor), Decimals.MC);
        BigDecimal actual = ItemMrr.divide(dividend, divisor);
        assertThat(actual).as("%s / %d", dividend, divisor).isEqualTo(expected);
        assertThat(actual.scale()).as("scale of %s / %d", dividend, divisor).isEqualTo(expected.scale());
    }

    @Test
    void exactQuotientsKeepTheDividendsScaleOrTheLeastThatHoldsThem() {
        same(new BigDecimal("1200"), 12);       // 100, scale 0
        same(new BigDecimal("1200.00"), 12);    // 100.00
        same(new BigDecimal("1200.0000"), 12);
        same(new BigDecimal("150"), 12);        // 12.5: one decimal more
        same(new BigDecimal("3"), 12);          // 0.25: two more
        same(new BigDecimal("1"), 16);          // 0.0625: four more
        same(new BigDecimal("1"), 32);          // 0.03125: five more, left to BigDecimal
        same(new BigDecimal("1"), 60);          // not exact
        same(new BigDecimal("1000"), 12);       // 83.33...: not exact
        same(new BigDecimal("0"), 12);
        same(new BigDecimal("0.000"), 36);
        same(new BigDecimal("1.2E+3"), 12);     // negative scale
        same(new BigDecimal("6E+2"), 12);       // 5E+1
        same(new BigDecimal("-1200.50"), 12);
        same(new BigDecimal("-3"), 12);
        same(new BigDecimal("56952.000000000000000000000000000000"), 12);
        same(new BigDecimal("41.66666666666666666666666666666667").multiply(BigDecimal.valueOf(12)), 12);
    }

    @Test
    void quotientsOfMoreThan34DigitsAreRoundedAsBigDecimalRoundsThem() {
        BigDecimal big = new BigDecimal(BigInteger.TEN.pow(40).multiply(BigInteger.valueOf(12)), 3);
        same(big, 12);                                                    // exact, 41 digits of which zeros
        same(new BigDecimal(new BigInteger("1234567890123456789012345678901234567").multiply(BigInteger.valueOf(12)), 2), 12);
        same(new BigDecimal(new BigInteger("123456789012345678901234567890123").multiply(BigInteger.valueOf(12)), 2), 12);
        same(new BigDecimal(new BigInteger("1234567890123456789012345678901234").multiply(BigInteger.valueOf(12)), 2), 12);
        same(new BigDecimal(new BigInteger("9999999999999999999999999999999999").multiply(BigInteger.valueOf(12)), 5), 12);
        same(new BigDecimal(new BigInteger("99999999999999999999999999999999995").multiply(BigInteger.valueOf(12)), 5), 120);
    }

    @Test
    void randomPricesRatesAndIntervals() {
        SplittableRandom random = new SplittableRandom(17);
        long[] divisors = {12, 24, 36, 48, 60, 72, 120, 144, 16, 32, 5, 7, 13, 1};
        for (int i = 0; i < 200_000; i++) {
            BigInteger unscaled;
            switch (random.nextInt(4)) {
                case 0 -> unscaled = BigInteger.valueOf(random.nextLong(1, 1_000_000));
                case 1 -> unscaled = BigInteger.valueOf(random.nextLong(1, 1000) * 12 * random.nextLong(1, 10_000));
                case 2 -> unscaled = new BigInteger(random.nextInt(1, 130), new java.util.Random(random.nextLong()));
                default -> unscaled = BigInteger.valueOf(random.nextLong(1, 100_000))
                        .multiply(BigInteger.TEN.pow(random.nextInt(0, 36)));
            }
            if (random.nextInt(10) == 0) {
                unscaled = unscaled.negate();
            }
            int scale = random.nextInt(-4, 45);
            same(new BigDecimal(unscaled, scale), divisors[random.nextInt(divisors.length)]);
        }
    }
}
