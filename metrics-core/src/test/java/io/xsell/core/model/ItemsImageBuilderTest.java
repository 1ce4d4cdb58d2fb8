package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Items collected one at a time into an image make the dataset {@link TenantDataset#of} makes of them. */
class ItemsImageBuilderTest {
    private static final List<Product> PRODUCTS = List.of(Product.standalone("p0"), Product.standalone("p1"));
    private static final List<FxRate> RATES = List.of(new FxRate(LocalDate.of(2000, 1, 1), "EUR", new BigDecimal("1.1")));

    @Test
    void theImageRebuildsTheDatasetOfTheSameItems() {
        List<Customer> customers = customers(40);
        List<RecurringItem> items = randomItems(11, 3_000);
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
    void itemsAddedByTheirFieldsMakeTheDatasetOfTheItems() {
        List<Customer> customers = customers(40);
        List<RecurringItem> items = randomItems(12, 3_000);
        List<OneTimeCharge> charges = List.of(new OneTimeCharge("o1", "c3", "p1", LocalDate.of(2024, 5, 1),
                new BigDecimal("500.00"), "EUR", "Setup"));
        TenantDataset expected = TenantDataset.of("USD", customers, PRODUCTS, items, charges, RATES);

        ItemsImageBuilder builder = new ItemsImageBuilder();
        for (RecurringItem item : items) {
            // each customer id an instance of its own, equal to the customer's: runs go by value
            builder.add(item.id(), new String(item.customerId()), item.productId(), item.subscriptionId(),
                    item.startDate(), item.endDate(), item.unitAmount(), item.quantity(),
                    item.currency().toLowerCase(java.util.Locale.ROOT), item.interval(), item.intervalCount(),
                    item.discountPercent(), item.discountAmount(), item.trialEnd(), item.bundleId());
        }
        TenantDataset built = TenantDataset.of("USD", customers, PRODUCTS, builder, charges, RATES);

        assertThat(built.items()).containsExactlyElementsOf(expected.items());
        assertThat(built.items()).containsExactlyElementsOf(items);
        assertThat(built.charges()).containsExactlyElementsOf(expected.charges());
        assertThat(built.customers()).isEqualTo(expected.customers());
        assertThat(built.image()).usingRecursiveComparison().isEqualTo(expected.image());
        assertThat(built.retainedBytes()).isEqualTo(expected.retainedBytes());
        for (int i = 0; i < items.size(); i++) {
            assertThat(built.customerOfItem(i)).isEqualTo(expected.customerOfItem(i));
            // the dataset's customer instance, not the builder's copy
            assertThat(built.items().get(i).customerId()).isSameAs(customers.get(built.customerOfItem(i)).id());
        }
    }

    @Test
    void aBuilderSizedForFewerOrMoreRowsThanComeMakesTheSameImage() {
        List<Customer> customers = customers(40);
        List<RecurringItem> items = randomItems(13, 1_000);
        ItemsImageBuilder unsized = new ItemsImageBuilder();
        ItemsImageBuilder tooSmall = new ItemsImageBuilder(10);
        ItemsImageBuilder exact = new ItemsImageBuilder(items.size());
        ItemsImageBuilder tooLarge = new ItemsImageBuilder(5_000);
        for (ItemsImageBuilder builder : List.of(unsized, tooSmall, exact, tooLarge)) {
            items.forEach(builder::add);
        }
        ItemsImage expected = unsized.build(positions(customers));

        for (ItemsImageBuilder builder : List.of(tooSmall, exact, tooLarge)) {
            assertThat(builder.size()).isEqualTo(items.size());
            assertThat(builder.build(positions(customers))).usingRecursiveComparison().isEqualTo(expected);
        }
    }

    @Test
    void aCustomerPositionTheReaderGivesIsUsedAndAnUnknownOneIsLookedUp() {
        List<Customer> customers = customers(40);
        List<RecurringItem> items = randomItems(14, 2_000);
        Map<String, Integer> positions = positions(customers);
        ItemsImageBuilder hinted = new ItemsImageBuilder();
        ItemsImageBuilder looked = new ItemsImageBuilder();
        for (int i = 0; i < items.size(); i++) {
            RecurringItem item = items.get(i);
            // every third row's position unknown, as a reader that could not guess it
            int position = i % 3 == 0 ? -1 : positions.get(item.customerId());
            hinted.add(item.id(), item.customerId(), position, item.productId(), item.subscriptionId(),
                    item.startDate(), item.endDate(), item.unitAmount(), item.quantity(), item.currency(),
                    item.interval(), item.intervalCount(), item.discountPercent(), item.discountAmount(),
                    item.trialEnd(), item.bundleId());
            looked.add(item);
        }
        ItemsImage expected = looked.build(positions);

        assertThat(hinted.build(positions)).usingRecursiveComparison().isEqualTo(expected);
    }

    @Test
    void aGivenCustomerPositionSparesTheLookupAndItsAbsenceIsNamed() {
        ItemsImageBuilder builder = new ItemsImageBuilder();
        builder.add("i1", "c7", 1, "p0", null, LocalDate.of(2024, 1, 1), null, BigDecimal.ONE, BigDecimal.ONE,
                "USD", BillingInterval.MONTH, 1, null, null, null, null);
        builder.add("i2", "c8", -1, "p0", null, LocalDate.of(2024, 1, 1), null, BigDecimal.ONE, BigDecimal.ONE,
                "USD", BillingInterval.MONTH, 1, null, null, null, null);

        // c7 is not in the index: its given position is taken as it is; c8's is looked up
        ItemsImage image = builder.build(Map.of("c0", 0, "c1", 1, "c8", 0));
        assertThat(image.customerOfRun()).containsExactly(1, 0);
        ItemsImageBuilder unknown = new ItemsImageBuilder();
        unknown.add("i1", "c9", -1, "p0", null, LocalDate.of(2024, 1, 1), null, BigDecimal.ONE, BigDecimal.ONE,
                "USD", BillingInterval.MONTH, 1, null, null, null, null);
        assertThatThrownBy(() -> unknown.build(Map.of("c1", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c9'");
    }

    @Test
    void aBuilderWithoutRowsMakesTheDatasetOfNoItems() {
        TenantDataset built = TenantDataset.of("USD", customers(2), PRODUCTS, new ItemsImageBuilder(), List.of(),
                RATES);

        assertThat(built.items()).isEmpty();
        assertThat(built.image()).usingRecursiveComparison()
                .isEqualTo(TenantDataset.of("USD", customers(2), PRODUCTS, List.of(), List.of(), RATES).image());
    }

    @Test
    void fieldsAreRefusedAsTheItemConstructorRefusesThem() {
        LocalDate start = LocalDate.of(2024, 3, 1);
        BigDecimal one = BigDecimal.ONE;
        String longId = "x".repeat(Bounds.ID_MAX + 1);
        List<Object[]> rejected = List.of(
                fields(null, "c0", "p0", null, start, null, one, one, "USD", BillingInterval.MONTH, 1, null, null),
                fields(" ", "c0", "p0", null, start, null, one, one, "USD", BillingInterval.MONTH, 1, null, null),
                fields("i", null, "p0", null, start, null, one, one, "USD", BillingInterval.MONTH, 1, null, null),
                fields("i", "c0", "", null, start, null, one, one, "USD", BillingInterval.MONTH, 1, null, null),
                fields("i", "c0", "p0", longId, start, null, one, one, "USD", BillingInterval.MONTH, 1, null, null),
                fields("i", "c0", "p0", null, null, null, one, one, "USD", BillingInterval.MONTH, 1, null, null),
                fields("i", "c0", "p0", null, start, start, one, one, "USD", BillingInterval.MONTH, 1, null, null),
                fields("i", "c0", "p0", null, start, null, null, one, "USD", BillingInterval.MONTH, 1, null, null),
                fields("i", "c0", "p0", null, start, null, one.negate(), one, "USD", BillingInterval.MONTH, 1, null,
                        null),
                fields("i", "c0", "p0", null, start, null, new BigDecimal("1e20"), one, "USD", BillingInterval.MONTH,
                        1, null, null),
                fields("i", "c0", "p0", null, start, null, one, BigDecimal.ZERO, "USD", BillingInterval.MONTH, 1,
                        null, null),
                fields("i", "c0", "p0", null, start, null, one, one, "US", BillingInterval.MONTH, 1, null, null),
                fields("i", "c0", "p0", null, start, null, one, one, "ZZZ", BillingInterval.MONTH, 1, null, null),
                fields("i", "c0", "p0", null, start, null, one, one, "USD", null, 1, null, null),
                fields("i", "c0", "p0", null, start, null, one, one, "USD", BillingInterval.MONTH, 0, null, null),
                fields("i", "c0", "p0", null, start, null, one, one, "USD", BillingInterval.MONTH, 1,
                        new BigDecimal("100.01"), null),
                fields("i", "c0", "p0", null, start, null, one, one, "USD", BillingInterval.MONTH, 1,
                        new BigDecimal("-1"), null),
                fields("i", "c0", "p0", null, start, null, one, one, "USD", BillingInterval.MONTH, 1, null,
                        new BigDecimal("-0.01")));
        for (Object[] f : rejected) {
            Throwable byConstructor = catchThrowable(() -> new RecurringItem((String) f[0], (String) f[1],
                    (String) f[2], (String) f[3], (LocalDate) f[4], (LocalDate) f[5], (BigDecimal) f[6],
                    (BigDecimal) f[7], (String) f[8], (BillingInterval) f[9], (Integer) f[10], (BigDecimal) f[11],
                    (BigDecimal) f[12], null, null));
            ItemsImageBuilder builder = new ItemsImageBuilder();
            Throwable byBuilder = catchThrowable(() -> builder.add((String) f[0], (String) f[1], (String) f[2],
                    (String) f[3], (LocalDate) f[4], (LocalDate) f[5], (BigDecimal) f[6], (BigDecimal) f[7],
                    (String) f[8], (BillingInterval) f[9], (Integer) f[10], (BigDecimal) f[11], (BigDecimal) f[12],
                    null, null));

            assertThat(byConstructor).as(java.util.Arrays.toString(f)).isNotNull();
            assertThat(byBuilder).as(java.util.Arrays.toString(f)).isExactlyInstanceOf(byConstructor.getClass())
                    .hasMessage(byConstructor.getMessage());
            assertThat(builder.size()).isZero();
        }
    }

    @Test
    void checksAcrossItemsNameTheSameProblemsForABuilderAsForAList() {
        List<Customer> customers = customers(3);
        List<RecurringItem> items = List.of(
                RecurringItem.builder("i1", "c0", "p0").start("2024-01-01").unitAmount("1").build(),
                RecurringItem.builder("i1", "c0", "p0").start("2024-01-01").unitAmount("2").build(),
                RecurringItem.builder("i2", "c9", "p0").start("2024-01-01").unitAmount("1").build(),
                RecurringItem.builder("i3", "c9", "p7").start("2024-01-01").unitAmount("1").build(),
                RecurringItem.builder("i4", "c1", "p1").start("1999-12-31").unitAmount("1").currency("EUR").build(),
                RecurringItem.builder("i5", "c2", "p1").start("2024-01-01").unitAmount("1").currency("GBP").build());
        Throwable forList = catchThrowable(() -> TenantDataset.of("USD", customers, PRODUCTS, items, List.of(),
                RATES));
        ItemsImageBuilder builder = new ItemsImageBuilder();
        items.forEach(builder::add);
        Throwable forBuilder = catchThrowable(() -> TenantDataset.of("USD", customers, PRODUCTS, builder, List.of(),
                RATES));

        assertThat(forList).isInstanceOf(InvalidDatasetException.class);
        assertThat(((InvalidDatasetException) forList).problems()).hasSize(6);
        assertThat(forBuilder).isInstanceOf(InvalidDatasetException.class);
        assertThat(((InvalidDatasetException) forBuilder).problems())
                .containsExactlyElementsOf(((InvalidDatasetException) forList).problems());
    }

    private static Object[] fields(String id, String customer, String product, String subscription, LocalDate start,
                                   LocalDate end, BigDecimal unitAmount, BigDecimal quantity, String currency,
                                   BillingInterval interval, int intervalCount, BigDecimal discountPercent,
                                   BigDecimal discountAmount) {
        return new Object[] {id, customer, product, subscription, start, end, unitAmount, quantity, currency,
                interval, intervalCount, discountPercent, discountAmount};
    }

    @Test
    void rowsRefusedAreTheRowsWhosePairIsRefusedAskedOncePerPair() {
        List<RecurringItem> items = randomItems(14, 20_000); // more rows than one pass over the codes takes
        ItemsImageBuilder builder = new ItemsImageBuilder();
        items.forEach(builder::add);
        Set<List<Object>> asked = new HashSet<>();
        BiPredicate<String, LocalDate> accepted = (currency, day) -> {
            assertThat(asked.add(List.of(currency, day))).as("asked twice for %s %s", currency, day).isTrue();
            return currency.equals("USD") || day.getDayOfMonth() % 3 != 0;
        };

        int[] refused = builder.rowsRefused(accepted);

        List<Integer> expected = new ArrayList<>();
        for (int row = 0; row < items.size(); row++) {
            RecurringItem item = items.get(row);
            if (!item.currency().equals("USD") && item.startDate().getDayOfMonth() % 3 == 0) {
                expected.add(row);
            }
        }
        assertThat(refused).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        assertThat(expected).hasSizeGreaterThan(1_000);
        assertThat(asked).hasSizeLessThan(1_000); // 400 start days, two currencies
        assertThat(new ItemsImageBuilder().rowsRefused(accepted)).isEmpty();
    }

    private static List<Customer> customers(int count) {
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            customers.add(Customer.of("c" + c, Map.of()));
        }
        return customers;
    }

    /** Items of customers c0 to c39 and products p0 and p1, in USD and EUR, every field used now and then. */
    private static List<RecurringItem> randomItems(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RecurringItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
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
        return items;
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
