package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dataset's items kept as columns read back exactly as they were given. */
class ItemColumnsTest {

    @Test
    void everyFieldReadsBackEqualIncludingAbsentOnesAndTheScaleOfAmounts() {
        RecurringItem full = RecurringItem.builder("i1", "c1", "p1").subscription("s1").start("2025-01-31")
                .end("2026-02-01").unitAmount("49.90").quantity(new BigDecimal("2.50")).currency("EUR")
                .interval(BillingInterval.YEAR).intervalCount(3).discountPercent("12.5").discountAmount("3.00")
                .trialEnd("2025-02-14").bundle("b1").build();
        RecurringItem bare = RecurringItem.builder("i2", "c2", "p1").start("2025-01-31").unitAmount("49.9").build();
        RecurringItem scaled = RecurringItem.builder("i3", "c1", "p2").start("2025-03-01").unitAmount("49.900")
                .quantity(new BigDecimal("1.0")).build();
        List<RecurringItem> items = List.of(full, bare, scaled);

        TenantDataset dataset = dataset(items, "c1", "c2");

        assertThat(dataset.items()).containsExactlyElementsOf(items);
        assertThat(dataset.items().get(2).unitAmount().scale()).isEqualTo(3);
        assertThat(dataset.items().get(1).unitAmount().scale()).isEqualTo(1);
        assertThat(dataset.items().get(2).quantity()).isEqualTo(new BigDecimal("1.0"));
        // a row names its customer by the very id the customer holds
        assertThat(dataset.items().get(1).customerId()).isSameAs(dataset.customers().get(1).id());
    }

    @Test
    void idsOutsideLatin1AndUnpairedSurrogatesComeBackExactly() {
        String cjk = "\u9879\u76ee-7";
        String surrogate = "x\ud800y";
        PackedStrings packed = PackedStrings.of(List.of("a", cjk, surrogate, "\u00e9t\u00e9"));
        assertThat(List.of(packed.get(0), packed.get(1), packed.get(2), packed.get(3)))
                .containsExactly("a", cjk, surrogate, "\u00e9t\u00e9");
        assertThat(PackedStrings.of(List.of("", "ab")).get(0)).isEmpty();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add("id-" + "x".repeat(i % 7) + i); // strings in later blocks of 16 start from their block's offset
        }
        PackedStrings packedMany = PackedStrings.of(many);
        for (int i = 0; i < many.size(); i++) {
            assertThat(packedMany.get(i)).isEqualTo(many.get(i));
        }
    }

    @Test
    void manyDistinctValuesWidenTheCodes() {
        List<RecurringItem> items = new ArrayList<>();
        String[] customers = new String[70_000];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = "c" + i;
            // 70,000 distinct amounts and subscriptions need codes wider than 16 bits
            items.add(RecurringItem.builder("i" + i, customers[i], "p1").subscription("s" + i)
                    .start(LocalDate.of(2020, 1, 1).plusDays(i % 1000)).unitAmount(BigDecimal.valueOf(i, 2)).build());
        }
        TenantDataset dataset = dataset(items, customers);
        assertThat(dataset.items()).containsExactlyElementsOf(items);
    }

    @Test
    void customersAndSubscriptionsInRunsOrInterleavedReadBackRowByRow() {
        List<RecurringItem> items = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            // runs of one to four rows, then and again a customer or subscription seen before, or none
            int customer = random.nextInt(4) == 0 ? random.nextInt(20) : i / 3 % 20;
            String subscription = random.nextInt(5) == 0 ? null : "s" + (random.nextInt(3) == 0 ? random.nextInt(9) : i / 2);
            items.add(RecurringItem.builder("i" + i, "c" + customer, "p1").subscription(subscription)
                    .start("2025-01-01").unitAmount("1").build());
        }
        String[] customers = new String[20];
        for (int c = 0; c < customers.length; c++) {
            customers[c] = "c" + c;
        }
        assertThat(dataset(items, customers).items()).containsExactlyElementsOf(items);
    }

    @Test
    void columnsRetainFarLessThanOneObjectPerItem() {
        List<RecurringItem> items = new ArrayList<>();
        String[] customers = new String[10_000];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = "c" + i;
            for (int k = 0; k < 3; k++) {
                items.add(RecurringItem.builder("i" + i + "_" + k, customers[i], "p" + k).subscription("s" + i)
                        .start(LocalDate.of(2024, 1, 1).plusDays(i % 700)).unitAmount("49.90").quantity(1 + k).build());
            }
        }
        HeapFootprint columns = new HeapFootprint();
        ((ItemColumns) dataset(items, customers).items()).addTo(columns);
        // the same rows as objects: 72 bytes a row, its id, and its dates and amounts when not shared
        assertThat(columns.bytes() / items.size()).isLessThan(40);
    }

    private static TenantDataset dataset(List<RecurringItem> items, String... customerIds) {
        List<Customer> customers = new ArrayList<>();
        for (String id : customerIds) {
            customers.add(Customer.of(id, Map.of()));
        }
        return TenantDataset.of("USD", customers, List.of(Product.standalone("p0"), Product.standalone("p1"),
                Product.standalone("p2")), items, List.of(), List.of(new FxRate(LocalDate.of(2000, 1, 1), "EUR",
                BigDecimal.ONE)));
    }
}
