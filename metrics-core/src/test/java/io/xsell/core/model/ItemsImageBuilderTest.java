package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Items collected one at a time into an image make the dataset {@link TenantDataset#of} makes of them. */
class ItemsImageBuilderTest {
    private static final List<Product> PRODUCTS = List.of(Product.standalone("p0"), Product.standalone("p1"));
    private static final List<FxRate> RATES = List.of(new FxRate(LocalDate.of(2000, 1, 1), "EUR", new BigDecimal("1.1")));

    @Test
    void theImageRebuildsTheDatasetOfTheSameItems() {
        SplittableRandom random = new SplittableRandom(11);
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            customers.add(Customer.of("c" + c, Map.of()));
        }
        List<RecurringItem> items = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // runs of customers and subscriptions, interleaved now and then, some without a subscription;
            // an id outside Latin-1 late in the file switches the characters to two bytes each
            int customer = random.nextInt(5) == 0 ? random.nextInt(40) : i / 4 % 40;
            String subscription = random.nextInt(6) == 0 ? null : "s" + (random.nextInt(4) == 0 ? random.nextInt(9) : i / 3);
            String id = i == 2_500 ? "\u9879\u76ee-" + i : "i" + i;
            RecurringItem.Builder item = RecurringItem.builder(id, "c" + customer, "p" + (i % 2)).subscription(subscription)
                    .start(LocalDate.of(2024, 1, 1).plusDays(random.nextInt(400)))
                    .unitAmount(BigDecimal.valueOf(random.nextInt(5_000), random.nextInt(3)))
                    .currency(random.nextBoolean() ? "USD" : "EUR");
            if (random.nextInt(4) == 0) {
                item.end(LocalDate.of(2025, 3, 1).plusDays(random.nextInt(100))).discountPercent("12.5")
                        .trialEnd("2024-02-01").bundle("b" + random.nextInt(3)).interval(BillingInterval.YEAR)
                        .intervalCount(1 + random.nextInt(3)).discountAmount("1.00").quantity(new BigDecimal("2.0"));
            }
            items.add(item.build());
        }
        TenantDataset expected = TenantDataset.of("USD", customers, PRODUCTS, items, List.of(), RATES);

        ItemsImageBuilder builder = new ItemsImageBuilder();
        items.forEach(builder::add);
        assertThat(builder.size()).isEqualTo(items.size());
        assertThat(builder.currency(7)).isEqualTo(items.get(7).currency());
        assertThat(builder.startDate(2_999)).isEqualTo(items.get(2_999).startDate());
        TenantDataset rebuilt = TenantDataset.fromImage(new DatasetImage("USD", customers, PRODUCTS, RATES,
                builder.build(positions(customers)), ChargesImage.of(List.of(), Map.of())));

        assertThat(rebuilt.items()).containsExactlyElementsOf(expected.items());
        assertThat(rebuilt.retainedBytes()).isEqualTo(expected.retainedBytes());
    }

    @Test
    void chargesBecomeTheirImage() {
        List<Customer> customers = List.of(Customer.of("c0", Map.of()), Customer.of("c1", Map.of()));
        List<OneTimeCharge> charges = List.of(
                new OneTimeCharge("o1", "c1", "p0", LocalDate.of(2024, 5, 1), new BigDecimal("500.00"), "EUR", "Setup"),
                new OneTimeCharge("o2", "c0", null, LocalDate.of(2024, 6, 1), new BigDecimal("-20"), "USD", null));
        TenantDataset expected = TenantDataset.of("USD", customers, PRODUCTS, List.of(), charges, RATES);

        TenantDataset rebuilt = TenantDataset.fromImage(new DatasetImage("USD", customers, PRODUCTS, RATES,
                new ItemsImageBuilder().build(Map.of()), ChargesImage.of(charges, positions(customers))));

        assertThat(rebuilt.charges()).containsExactlyElementsOf(expected.charges());
    }

    @Test
    void aCustomerTheIndexLacksIsNamed() {
        ItemsImageBuilder builder = new ItemsImageBuilder();
        builder.add(RecurringItem.builder("i1", "c9", "p0").start("2024-01-01").unitAmount("1").build());

        assertThatThrownBy(() -> builder.build(Map.of("c1", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c9'");
        assertThatThrownBy(() -> ChargesImage.of(List.of(new OneTimeCharge("o1", "c9", null, LocalDate.of(2024, 1, 1),
                BigDecimal.ONE, "USD", null)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c9'");
    }

    private static Map<String, Integer> positions(List<Customer> customers) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            positions.put(customers.get(i).id(), i);
        }
        return positions;
    }
}
