package io.xsell.core.mrr;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.RecurringItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The memo answers exactly what {@link ItemMrr#monthly} answers, and shares one value per input. */
class PriceMemoTest {
    private static final String[] AMOUNTS = {"0", "9.99", "49.90", "1200", "333.33", "0.01"};
    private static final String[] RATES = {"1", "1.0", "1.0823", "0.7777777"};

    @Test
    void everyInputGivesItemMrrsValueScaleIncluded() {
        SplittableRandom random = new SplittableRandom(17);
        PriceMemo memo = new PriceMemo();
        List<RecurringItem> items = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            RecurringItem.Builder b = RecurringItem.builder("i" + i, "c1", "p1").start("2025-01-01")
                    .unitAmount(AMOUNTS[random.nextInt(AMOUNTS.length)]).quantity(1 + random.nextInt(4))
                    .interval(BillingInterval.values()[random.nextInt(BillingInterval.values().length)])
                    .intervalCount(1 + random.nextInt(3));
            if (random.nextBoolean()) {
                b.discountPercent(random.nextBoolean() ? "10" : "10.0");
            }
            if (random.nextInt(4) == 0) {
                b.discountAmount("5");
            }
            items.add(b.build());
        }
        for (RecurringItem item : items) {
            BigDecimal rate = new BigDecimal(RATES[(int) (item.quantity().longValue() % RATES.length)]);
            BigDecimal expected = ItemMrr.monthly(item, rate);
            BigDecimal remembered = memo.monthly(item, rate);
            // equals, not compareTo: the scale is part of what later sums produce
            assertThat(remembered).isEqualTo(expected);
        }
    }

    @Test
    void equalInputsShareOneValue() {
        PriceMemo memo = new PriceMemo();
        RecurringItem a = RecurringItem.builder("a", "c1", "p1").start("2025-01-01").unitAmount("1200")
                .interval(BillingInterval.YEAR).intervalCount(1).quantity(7).build();
        RecurringItem b = RecurringItem.builder("b", "c2", "p2").start("2026-05-01").unitAmount("1200")
                .interval(BillingInterval.YEAR).intervalCount(1).quantity(7).build();
        RecurringItem scaled = RecurringItem.builder("c", "c2", "p2").start("2026-05-01").unitAmount("1200.00")
                .interval(BillingInterval.YEAR).intervalCount(1).quantity(7).build();

        BigDecimal first = memo.monthly(a, BigDecimal.ONE);
        assertThat(memo.monthly(b, BigDecimal.ONE)).isSameAs(first);
        assertThat(memo.monthly(scaled, BigDecimal.ONE)).isNotSameAs(first)
                .isEqualTo(ItemMrr.monthly(scaled, BigDecimal.ONE));
    }
}
