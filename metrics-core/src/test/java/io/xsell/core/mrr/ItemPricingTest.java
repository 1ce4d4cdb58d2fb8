package io.xsell.core.mrr;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pricing a large dataset on two threads gives the ledger one thread gives. */
class ItemPricingTest {

    @Test
    void theTwoHalvesMakeTheLedgerOneThreadMakes() {
        TenantDataset dataset = largeDataset();
        assertThat(dataset.items().size()).isGreaterThan(ItemPricing.PARALLEL_FROM);
        MrrLedger ledger = MrrLedger.of(dataset);
        Map<String, ProductLineRef> lineByProduct = new HashMap<>();
        for (Product p : dataset.products()) {
            lineByProduct.put(p.id(), ledger.lines().stream().filter(l -> l.name().equals(p.productLine()))
                    .findFirst().orElseThrow());
        }
        PricedItemColumns oneThread = ItemPricing.price(dataset, lineByProduct, false);
        PricedItemColumns twoThreads = ItemPricing.price(dataset, lineByProduct, true);
        for (int c = 0; c < dataset.customers().size(); c++) {
            assertThat(twoThreads.first(c)).isEqualTo(oneThread.first(c));
            assertThat(twoThreads.limit(c)).isEqualTo(oneThread.limit(c));
            for (int i = oneThread.first(c); i < oneThread.limit(c); i++) {
                PricedItem expected = oneThread.item(i);
                PricedItem actual = twoThreads.item(i);
                assertThat(actual).isEqualTo(expected);
                assertThat(actual.monthly().scale()).isEqualTo(expected.monthly().scale());
            }
            assertThat(ledger.items(c)).containsExactly(itemsOf(oneThread, c));
        }
    }

    private static PricedItem[] itemsOf(PricedItemColumns columns, int c) {
        PricedItem[] items = new PricedItem[columns.limit(c) - columns.first(c)];
        for (int i = 0; i < items.length; i++) {
            items[i] = columns.item(columns.first(c) + i);
        }
        return items;
    }

    /** 40,000 customers with three items each, in two currencies, some on trial, some yearly. */
    private static TenantDataset largeDataset() {
        SplittableRandom random = new SplittableRandom(17);
        List<Customer> customers = new ArrayList<>();
        List<RecurringItem> items = new ArrayList<>();
        String[] products = {"core", "addon", "seats"};
        for (int c = 0; c < 40_000; c++) {
            customers.add(Customer.of("c" + c, Map.of()));
            // a customer's items split between the halves too, when they straddle the middle
            for (int k = 0; k < 3; k++) {
                LocalDate start = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700));
                RecurringItem.Builder item = RecurringItem.builder("i" + c + "_" + k, "c" + c, products[k])
                        .start(start).unitAmount(BigDecimal.valueOf(random.nextInt(500, 20_000), 2))
                        .quantity(1 + random.nextInt(5)).currency(random.nextInt(4) == 0 ? "EUR" : "USD")
                        .interval(random.nextInt(5) == 0 ? BillingInterval.YEAR : BillingInterval.MONTH);
                if (random.nextInt(3) == 0) {
                    item.end(start.plusDays(1 + random.nextInt(400)));
                }
                if (random.nextInt(10) == 0) {
                    item.trialEnd(start.plusDays(random.nextInt(60)));
                }
                items.add(item.build());
            }
        }
        List<Product> catalog = List.of(Product.inLine("core", "core", LineKind.CORE),
                Product.inLine("addon", "addon", LineKind.ADD_ON), Product.inLine("seats", "core", LineKind.CORE));
        return TenantDataset.of("USD", customers, catalog, items, List.of(),
                List.of(new FxRate(LocalDate.of(2023, 1, 1), "EUR", new BigDecimal("1.0837"))));
    }
}
