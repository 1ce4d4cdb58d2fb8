package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link NarrowInts#copyTo}: every width reads back what {@link NarrowInts#get} reads, from any offset. */
class NarrowIntsCopyToTest {

    @Test
    void eachWidthCopiesTheValuesOfARange() {
        SplittableRandom random = new SplittableRandom(5);
        long[] spreads = {200, 60_000, 10_000_000, 4_000_000_000L};
        for (int width = 1; width <= 4; width++) {
            int[] values = new int[1_000];
            int base = random.nextInt(-1_000_000, 1_000_000);
            for (int i = 0; i < values.length; i++) {
                values[i] = (int) (base + random.nextLong(spreads[width - 1]) - (width == 4 ? 2_000_000_000L : 0));
            }
            values[7] = (int) (base + spreads[width - 1] - 1 - (width == 4 ? 2_000_000_000L : 0)); // the widest spread
            NarrowInts column = NarrowInts.of(values, values.length);
            assertThat(column.width()).isEqualTo(width);
            for (int trial = 0; trial < 200; trial++) {
                int from = random.nextInt(values.length + 1);
                int to = random.nextInt(from, values.length + 1);
                int[] into = new int[to - from + 3];
                into[to - from] = 12345; // beyond the range: left alone
                column.copyTo(from, to, into);
                for (int i = from; i < to; i++) {
                    assertThat(into[i - from]).as("width %d, value %d", width, i).isEqualTo(values[i])
                            .isEqualTo(column.get(i));
                }
                assertThat(into[to - from]).isEqualTo(12345);
            }
        }
    }
}
