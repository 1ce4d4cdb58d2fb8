package io.xsell.core.mrr;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.ItemCodes;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The memo answers exactly what {@link ItemMrr#monthly} answers, and shares one value per input. */
class PriceMemoTest {
    private static final String[] AMOUNTS = {"0", "9.99", "49.90", "1200", "333.33", "0.01"};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "JPY"};
    // EUR's 1 and 1.0 are equal rates of two scales; GBP's rate changes twice
    private static final List<FxRate> RATES = List.of(
            new FxRate(LocalDate.parse("2024-01-01"), "EUR", new BigDecimal("1")),
            new FxRate(LocalDate.parse("2025-03-01"), "EUR", new BigDecimal("1.0")),
            new FxRate(LocalDate.parse("2024-01-01"), "GBP", new BigDecimal("1.0823")),
            new FxRate(LocalDate.parse("2025-02-01"), "GBP", new BigDecimal("0.7777777")),
            new FxRate(LocalDate.parse("2025-04-01"), "GBP", new BigDecimal("1.0823")),
            new FxRate(LocalDate.parse("2024-01-01"), "JPY", new BigDecimal("0.0067")));

    @Test
    void everyInputGivesItemMrrsValueScaleIncluded() {
        SplittableRandom random = new SplittableRandom(17);
        List<RecurringItem> items = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            RecurringItem.Builder b = RecurringItem.builder("i" + i, "c1", "p1")
                    .start(LocalDate.parse("2025-01-01").plusDays(random.nextInt(120)))
                    .unitAmount(AMOUNTS[random.nextInt(AMOUNTS.length)]).quantity(1 + random.nextInt(4))
                    .currency(CURRENCIES[random.nextInt(CURRENCIES.length)])
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
        TenantDataset dataset = dataset(items);
        ItemCodes codes = dataset.itemCodes();
        PriceMemo memo = new PriceMemo(codes, dataset.fxRates());
        for (int row = 0; row < items.size(); row++) {
            RecurringItem item = items.get(row);
            BigDecimal rate = dataset.fxRates().rateOn(item.currency(), item.startDate()).orElseThrow();
            BigDecimal expected = ItemMrr.monthly(item, rate);
            BigDecimal remembered = monthly(memo, codes, row);
            // equals, not compareTo: the scale is part of what later sums produce
            assertThat(remembered).isEqualTo(expected);
        }
    }

    @Test
    void equalInputsShareOneValue() {
        RecurringItem a = RecurringItem.builder("a", "c1", "p1").start("2025-01-01").unitAmount("1200")
                .interval(BillingInterval.YEAR).intervalCount(1).quantity(7).build();
        RecurringItem b = RecurringItem.builder("b", "c1", "p1").start("2026-05-01").unitAmount("1200")
                .interval(BillingInterval.YEAR).intervalCount(1).quantity(7).build();
        RecurringItem scaled = RecurringItem.builder("c", "c1", "p1").start("2026-05-01").unitAmount("1200.00")
                .interval(BillingInterval.YEAR).intervalCount(1).quantity(7).build();
        // EUR at 1 on both days: another currency and day, the same input
        RecurringItem euros = RecurringItem.builder("d", "c1", "p1").start("2024-06-01").unitAmount("1200")
                .currency("EUR").interval(BillingInterval.YEAR).intervalCount(1).quantity(7).build();
        TenantDataset dataset = dataset(List.of(a, b, scaled, euros));
        ItemCodes codes = dataset.itemCodes();
        PriceMemo memo = new PriceMemo(codes, dataset.fxRates());

        BigDecimal first = monthly(memo, codes, 0);
        assertThat(monthly(memo, codes, 1)).isSameAs(first);
        assertThat(monthly(memo, codes, 2)).isNotSameAs(first)
                .isEqualTo(ItemMrr.monthly(scaled, BigDecimal.ONE));
        assertThat(monthly(memo, codes, 3)).isSameAs(first);
    }

    private static BigDecimal monthly(PriceMemo memo, ItemCodes codes, int row) {
        return memo.value(memo.price(row, codes.start().code(row)));
    }

    private static TenantDataset dataset(List<RecurringItem> items) {
        return TenantDataset.of("USD", List.of(Customer.of("c1", Map.of())), List.of(Product.standalone("p1")), items,
                List.of(), RATES);
    }
}
