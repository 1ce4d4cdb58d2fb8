package io.xsell.ingestion.stripe.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AmountOffSharesTest {

    @Test
    void anEvenSplitIsExact() {
        // 30.00 off 100.00 + 50.00: 20.00 and 10.00
        assertThat(AmountOffShares.of(3000, new long[]{10000, 5000})).containsExactly(2000, 1000);
    }

    @Test
    void theLeftOverCentGoesToTheLargestRemainder() {
        // 10.00 off 3 × 33.33 + 0.01: exact shares 333.2999…, 333.2999…, 333.2999…, 0.01 → floors 333, 333, 333, 0
        // leave 1 cent for the largest remainder, the first line on a tie
        assertThat(AmountOffShares.of(1000, new long[]{3333, 3333, 3333, 1})).containsExactly(334, 333, 333, 0);
        // 1.00 off 2.00 + 1.00: 66.67 and 33.33 → 67 and 33, not 67 and 34 (a half-up rounding of each would give 101)
        assertThat(AmountOffShares.of(100, new long[]{200, 100})).containsExactly(67, 33);
        // 0.05 off three equal lines: 1.67 each → 2, 2, 1 (earlier lines first on a tie)
        assertThat(AmountOffShares.of(5, new long[]{700, 700, 700})).containsExactly(2, 2, 1);
    }

    @Test
    void aCouponLargerThanTheSubtotalTakesEveryLineToZero() {
        assertThat(AmountOffShares.of(50000, new long[]{10000, 5000})).containsExactly(10000, 5000);
        assertThat(AmountOffShares.of(3000, new long[]{0})).containsExactly(0);
    }

    @Test
    void aNegativeLineTakesNoShare() {
        assertThat(AmountOffShares.of(1000, new long[]{-500, 4000})).containsExactly(0, 1000);
    }

    @Test
    void aNegativeAmountOffIsRefused() {
        assertThatThrownBy(() -> AmountOffShares.of(-1, new long[]{100})).hasMessageContaining("amount_off");
    }

    @Property(tries = 300)
    void sharesAddUpToTheAmountTakenOffAndEachIsWithinOneCentOfItsExactShare(
            @ForAll @LongRange(min = 0, max = 10_000_000) long amountOff,
            @ForAll @Size(min = 1, max = 15) List<@LongRange(min = 0, max = 100_000_000) Long> lines) {
        long[] amounts = lines.stream().mapToLong(Long::longValue).toArray();
        long[] shares = AmountOffShares.of(amountOff, amounts);
        long total = Arrays.stream(amounts).sum();
        assertThat(Arrays.stream(shares).sum()).isEqualTo(Math.min(amountOff, total));
        for (int i = 0; i < amounts.length; i++) {
            assertThat(shares[i]).isBetween(0L, amounts[i]);
            if (amountOff < total) {
                double exact = (double) amountOff * amounts[i] / total;
                assertThat((double) shares[i]).isBetween(Math.floor(exact) - 1e-9, Math.floor(exact) + 1 + 1e-9);
            }
        }
    }
}
