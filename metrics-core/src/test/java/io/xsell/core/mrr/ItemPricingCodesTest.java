package io.xsell.core.mrr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.WorkCancelledException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pricing by the items' codes ({@link ItemPricing}, {@link PriceMemo}) gives, item by item and scale
 * by scale, what pricing each {@link RecurringItem} by its fields gives: {@link ItemMrr#monthly} at
 * the rate {@code FxRates.rateOn} gives on its start date, from its {@code activeFrom()} to its end,
 * skipped when a trial outlives it.
 */
class ItemPricingCodesTest {
    private static final LocalDate FIRST = LocalDate.of(2023, 1, 1);
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "JPY"};
    private static final String[] PRODUCTS = {"core", "pro", "addon", "seats", "support"};
    private static final String[] AMOUNTS = {"0", "9.99", "49.90", "49.9", "1200", "333.33", "0.01", "15000"};
    private static final String[] PERCENTS = {"10", "10.0", "12.5", "33.333", "100", "0"};
    private static final String[] DISCOUNTS = {"5", "5.00", "49.90", "1000000", "0.5"};

    @Test
    void everyShapeIsPricedAsItsRecordIsOnOneThreadOrTwo() {
        TenantDataset dataset = dataset(44_000, 23);
        assertThat(dataset.items().size()).isGreaterThan(ItemPricing.PARALLEL_FROM); // both halves are used
        List<List<PricedItem>> expected = pricedByRecords(dataset);
        Map<String, ProductLineRef> lineByProduct = lineByProduct(dataset, MrrLedger.of(dataset));

        PricedItemColumns oneThread = ItemPricing.price(dataset, lineByProduct, false);
        PricedItemColumns twoThreads = ItemPricing.price(dataset, lineByProduct, true);
        assertSame(expected, oneThread);
        assertSame(expected, twoThreads);
        // the halves number the amounts in the order one thread does: the same codes, the same amounts
        assertThat(twoThreads.image().amounts()).containsExactlyElementsOf(oneThread.image().amounts());
        assertThat(twoThreads.image().monthlyCode()).isEqualTo(oneThread.image().monthlyCode());
        MrrLedger ledger = MrrLedger.of(dataset);
        for (int c = 0; c < ledger.customerCount(); c++) {
            assertThat(ledger.items(c)).containsExactlyElementsOf(expected.get(c));
        }
    }

    @Test
    void aDatasetRebuiltFromItsImageIsPricedAsItsRecordsAre() {
        TenantDataset dataset = TenantDataset.fromImage(dataset(3_000, 5).image());
        List<List<PricedItem>> expected = pricedByRecords(dataset);
        assertSame(expected, ItemPricing.price(dataset, lineByProduct(dataset, MrrLedger.of(dataset)), false));
    }

    @Test
    void theShapesAreAllThere() {
        TenantDataset dataset = dataset(3_000, 5);
        List<List<PricedItem>> expected = pricedByRecords(dataset);
        int priced = expected.stream().mapToInt(List::size).sum();
        assertThat(priced).isLessThan(dataset.items().size()); // trials that outlive their items are skipped
        assertThat(expected.stream().flatMap(List::stream).filter(i -> i.monthly().signum() == 0)).isNotEmpty();
        assertThat(expected.stream().flatMap(List::stream).filter(PricedItem::bundled)).isNotEmpty();
        assertThat(expected.stream().flatMap(List::stream).filter(i -> i.end() == PricedItem.OPEN)).isNotEmpty();
        long trialsStarted = dataset.items().stream()
                .filter(i -> i.trialEnd() != null && i.trialEnd().isAfter(i.startDate())
                        && (i.endDate() == null || i.trialEnd().isBefore(i.endDate())))
                .count();
        assertThat(trialsStarted).isPositive();
        assertThat(dataset.items().stream().map(RecurringItem::currency).distinct()).hasSize(CURRENCIES.length);
        // equal values of two scales stay two amounts
        List<BigDecimal> amounts = expected.stream().flatMap(List::stream).map(PricedItem::monthly).toList();
        assertThat(new java.util.HashSet<>(amounts).size()).isGreaterThan(new java.util.TreeSet<>(amounts).size());
    }

    @Test
    void anInterruptedPricingStops() {
        TenantDataset dataset = dataset(3_000, 5);
        Map<String, ProductLineRef> lineByProduct = lineByProduct(dataset, MrrLedger.of(dataset));
        Thread.currentThread().interrupt();
        try {
            // the pricing itself, not MrrLedger.of's check after it
            assertThatThrownBy(() -> ItemPricing.price(dataset, lineByProduct, false))
                    .isInstanceOf(WorkCancelledException.class);
        } finally {
            Thread.interrupted();
        }
    }

    private static void assertSame(List<List<PricedItem>> expected, PricedItemColumns columns) {
        for (int c = 0; c < expected.size(); c++) {
            List<PricedItem> actual = new ArrayList<>();
            for (int i = columns.first(c); i < columns.limit(c); i++) {
                actual.add(columns.item(i));
            }
            // PricedItem is a record: its monthly amounts compare with BigDecimal.equals, scale included
            assertThat(actual).as("customer %d", c).containsExactlyElementsOf(expected.get(c));
        }
    }

    /** Each item priced from its record, grouped by customer, ordered by start (stable). */
    private static List<List<PricedItem>> pricedByRecords(TenantDataset dataset) {
        MrrLedger ledger = MrrLedger.of(dataset);
        Map<String, ProductLineRef> lineByProduct = lineByProduct(dataset, ledger);
        Map<String, Integer> customerIndex = new HashMap<>();
        List<List<PricedItem>> byCustomer = new ArrayList<>();
        for (int c = 0; c < dataset.customers().size(); c++) {
            customerIndex.put(dataset.customers().get(c).id(), c);
            byCustomer.add(new ArrayList<>());
        }
        for (RecurringItem item : dataset.items()) {
            BigDecimal rate = dataset.fxRates().rateOn(item.currency(), item.startDate()).orElseThrow();
            int start = Math.toIntExact(item.activeFrom().toEpochDay());
            int end = item.endDate() == null ? PricedItem.OPEN : Math.toIntExact(item.endDate().toEpochDay());
            if (start >= end) {
                continue;
            }
            byCustomer.get(customerIndex.get(item.customerId())).add(new PricedItem(
                    lineByProduct.get(item.productId()).index(), start, end, ItemMrr.monthly(item, rate),
                    item.bundleId() != null));
        }
        for (List<PricedItem> items : byCustomer) {
            items.sort(Comparator.comparingInt(PricedItem::activeFrom));
        }
        return byCustomer;
    }

    private static Map<String, ProductLineRef> lineByProduct(TenantDataset dataset, MrrLedger ledger) {
        Map<String, ProductLineRef> lineByProduct = new HashMap<>();
        for (Product p : dataset.products()) {
            lineByProduct.put(p.id(), ledger.lines().stream().filter(l -> l.name().equals(p.productLine()))
                    .findFirst().orElseThrow());
        }
        return lineByProduct;
    }

    /**
     * Customers with zero to five items in four currencies whose rates change every month (some
     * months to an equal rate of another scale), with trials that end before, inside or after their
     * item, percent and amount discounts (some leaving nothing to pay), every interval and several
     * counts, bundles, open and ended items, and customers whose items are interleaved.
     */
    private static TenantDataset dataset(int customerCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Customer> customers = new ArrayList<>();
        List<RecurringItem> items = new ArrayList<>();
        for (int c = 0; c < customerCount; c++) {
            customers.add(Customer.of("c" + c, Map.of()));
            int count = random.nextInt(6);
            for (int k = 0; k < count; k++) {
                // now and then an item of the previous customer comes after this one's first
                int owner = k == 1 && c > 0 && random.nextInt(20) == 0 ? c - 1 : c;
                items.add(item(random, "i" + c + "_" + k, "c" + owner));
            }
        }
        List<Product> catalog = List.of(Product.inLine("core", "platform", LineKind.CORE),
                Product.inLine("pro", "platform", LineKind.CORE), Product.inLine("addon", "analytics", LineKind.ADD_ON),
                Product.inLine("seats", "seats", LineKind.CORE), Product.inLine("support", "support", LineKind.ADD_ON));
        return TenantDataset.of("USD", customers, catalog, items, List.of(), rates(random));
    }

    private static RecurringItem item(SplittableRandom random, String id, String customer) {
        LocalDate start = FIRST.plusDays(random.nextInt(900));
        RecurringItem.Builder item = RecurringItem.builder(id, customer, PRODUCTS[random.nextInt(PRODUCTS.length)])
                .start(start).unitAmount(AMOUNTS[random.nextInt(AMOUNTS.length)])
                .quantity(random.nextInt(4) == 0 ? new BigDecimal("2.50") : BigDecimal.valueOf(1 + random.nextInt(40)))
                .currency(CURRENCIES[random.nextInt(CURRENCIES.length)])
                .interval(BillingInterval.values()[random.nextInt(BillingInterval.values().length)])
                .intervalCount(random.nextInt(3) == 0 ? 1 + random.nextInt(12) : 1);
        if (random.nextInt(3) == 0) {
            item.end(start.plusDays(1 + random.nextInt(400)));
        }
        if (random.nextInt(6) == 0) {
            item.trialEnd(start.plusDays(random.nextInt(120) - 30)); // before, on or after the start; past some ends
        }
        if (random.nextInt(4) == 0) {
            item.discountPercent(PERCENTS[random.nextInt(PERCENTS.length)]);
        }
        if (random.nextInt(5) == 0) {
            item.discountAmount(DISCOUNTS[random.nextInt(DISCOUNTS.length)]);
        }
        if (random.nextInt(7) == 0) {
            item.bundle("b" + random.nextInt(3));
        }
        return item.build();
    }

    /** A rate per foreign currency each month from before the first start; now and then the same rate rescaled. */
    private static List<FxRate> rates(SplittableRandom random) {
        List<FxRate> rates = new ArrayList<>();
        for (String currency : List.of("EUR", "GBP", "JPY")) {
            BigDecimal rate = null;
            for (LocalDate month = FIRST.minusMonths(1); month.isBefore(FIRST.plusYears(3)); month = month.plusMonths(1)) {
                rate = rate != null && random.nextInt(4) == 0 ? rate.setScale(rate.scale() + 1)
                        : BigDecimal.valueOf(currency.equals("JPY") ? 60 + random.nextInt(20) : 9000 + random.nextInt(3000),
                                currency.equals("JPY") ? 4 : 4);
                rates.add(new FxRate(month, currency, rate));
            }
        }
        return rates;
    }
}
