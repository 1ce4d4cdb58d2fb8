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

/**
 * {@link TenantDataset#fromImage(String, List, List, List, ItemsImageBuilder, Map, ChargesImage)}: the
 * columns narrowed straight from a builder's blocks are those of the builder's {@link ItemsImage}.
 */
class BuilderColumnsTest {
    private static final List<Product> PRODUCTS = List.of(Product.standalone("p0"), Product.standalone("p1"),
            Product.standalone("p2"));
    private static final List<FxRate> RATES = List.of(new FxRate(LocalDate.of(2000, 1, 1), "EUR", new BigDecimal("1.1")));
    private static final ChargesImage NO_CHARGES = ChargesImage.of(List.of(), Map.of());

    @Test
    void columnsFromTheBuilderAreThoseOfItsImageAcrossBlocksAndWidths() {
        // more rows than a block holds, codes that outgrow a byte (dates, amounts) and a short
        // (customer positions) part way, hinted and unknown positions, a UTF-16 id near the end
        List<Customer> customers = customers(70_000);
        Map<String, Integer> positions = positions(customers);
        int rows = 2 * IntSequence.BLOCK + 5_000;
        ItemsImageBuilder fromBlocks = new ItemsImageBuilder();
        ItemsImageBuilder fromImage = new ItemsImageBuilder();
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < rows; i++) {
            int customer = Math.min(i / 2, customers.size() - 1);
            String id = i == rows - 10 ? "\u9879\u76ee-" + i : "i" + i;
            String subscription = random.nextInt(7) == 0 ? null : "s" + i / 3;
            LocalDate start = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1 + i / 100));
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(1 + i / 20), random.nextInt(3));
            boolean extra = random.nextInt(5) == 0;
            LocalDate end = extra ? start.plusDays(30 + random.nextInt(2)) : null;
            for (ItemsImageBuilder builder : List.of(fromBlocks, fromImage)) {
                builder.add(id, "c" + customer, i % 3 == 0 ? -1 : customer, "p" + i % 3, subscription, start,
                        end, amount, BigDecimal.ONE,
                        i % 4 == 0 ? "EUR" : "usd", extra ? BillingInterval.YEAR : BillingInterval.MONTH,
                        extra ? 1 + i % 300 : 1, extra ? new BigDecimal("12.5") : null, null, null,
                        extra ? "b" + i % 400 : null);
            }
        }
        TenantDataset expected = TenantDataset.fromImage(new DatasetImage("USD", customers, PRODUCTS, RATES,
                fromImage.build(positions), NO_CHARGES));

        TenantDataset built = TenantDataset.fromImage("USD", customers, PRODUCTS, RATES, fromBlocks, positions,
                NO_CHARGES);

        ItemsImage actual = built.image().items();
        ItemsImage wanted = expected.image().items();
        sameStrings(actual.ids(), wanted.ids());
        sameStrings(actual.subscriptionOfRun(), wanted.subscriptionOfRun());
        assertThat(actual.customerRunStarts()).isEqualTo(wanted.customerRunStarts());
        assertThat(actual.customerOfRun()).isEqualTo(wanted.customerOfRun());
        assertThat(actual.subscriptionRunStarts()).isEqualTo(wanted.subscriptionRunStarts());
        assertThat(actual.runsWithoutSubscription()).isEqualTo(wanted.runsWithoutSubscription());
        assertThat(actual.interval()).isEqualTo(wanted.interval());
        assertThat(actual.intervalCount()).isEqualTo(wanted.intervalCount());
        List<DictionaryImage<?>> columns = List.of(actual.product(), actual.start(), actual.end(), actual.unitAmount(),
                actual.quantity(), actual.currency(), actual.discountPercent(), actual.discountAmount(),
                actual.trialEnd(), actual.bundle());
        List<DictionaryImage<?>> wantedColumns = List.of(wanted.product(), wanted.start(), wanted.end(),
                wanted.unitAmount(), wanted.quantity(), wanted.currency(), wanted.discountPercent(),
                wanted.discountAmount(), wanted.trialEnd(), wanted.bundle());
        for (int c = 0; c < columns.size(); c++) {
            assertThat(columns.get(c).values()).as("column %d", c).isEqualTo(wantedColumns.get(c).values());
            assertThat(columns.get(c).codes()).as("column %d", c).isEqualTo(wantedColumns.get(c).codes());
        }
        assertThat(built.retainedBytes()).isEqualTo(expected.retainedBytes());
        for (int i = 0; i < rows; i += 97) {
            assertThat(built.items().get(i)).isEqualTo(expected.items().get(i));
        }
        RecurringItem late = built.items().get(rows - 10);
        assertThat(late).isEqualTo(expected.items().get(rows - 10));
        assertThat(late.currency()).isSameAs(CurrencyCode.require(new String(late.currency())));
    }

    private static void sameStrings(StringsImage actual, StringsImage expected) {
        assertThat(actual.latin1()).isEqualTo(expected.latin1());
        assertThat(actual.utf16()).isEqualTo(expected.utf16());
        assertThat(actual.lengths()).isEqualTo(expected.lengths());
    }

    @Test
    void anUnknownProductCustomerOrAMissingRateIsRefusedAsFromAnImage() {
        List<Customer> customers = customers(3);
        assertThatThrownBy(() -> build(customers, "c1", "p9", "USD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown product_id 'p9'");
        assertThatThrownBy(() -> build(customers, "c1", "p1", "GBP"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GBP")
                .hasMessageContaining("no rate is known");
        assertThatThrownBy(() -> build(customers, "c7", "p1", "USD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c7'");
        assertThat(build(customers, "c2", "p1", "EUR").items()).hasSize(2);
    }

    private static TenantDataset build(List<Customer> customers, String customer, String product, String currency) {
        ItemsImageBuilder builder = new ItemsImageBuilder();
        builder.add("i0", "c0", -1, "p0", null, LocalDate.of(2024, 1, 1), null, BigDecimal.ONE, BigDecimal.ONE,
                "USD", BillingInterval.MONTH, 1, null, null, null, null);
        builder.add("i1", customer, -1, product, "s1", LocalDate.of(2024, 2, 1), null, BigDecimal.TEN, BigDecimal.ONE,
                currency, BillingInterval.MONTH, 1, null, null, null, null);
        return TenantDataset.fromImage("USD", customers, PRODUCTS, RATES, builder, positions(customers), NO_CHARGES);
    }

    private static List<Customer> customers(int count) {
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            customers.add(Customer.of("c" + c, Map.of()));
        }
        return customers;
    }

    private static Map<String, Integer> positions(List<Customer> customers) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            positions.put(customers.get(i).id(), i);
        }
        return positions;
    }
}
