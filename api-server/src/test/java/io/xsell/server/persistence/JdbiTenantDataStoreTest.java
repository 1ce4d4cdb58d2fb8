package io.xsell.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.dataimport.ImportCounts;
import io.xsell.core.dataimport.ImportRecord;
import io.xsell.core.model.Customer;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.server.tenant.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbiTenantDataStoreTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void loadsBackExactlyWhatWasStored(TestDatabase database) {
        TenantId tenant = createTenant(database, "USD");
        TenantDataset dataset = TestDatasets.withEveryField(11, 300);
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi());

        ImportRecord record = store.replaceTenantData(tenant, "csv", dataset, "sha256:one", T0);

        assertThat(UUID.fromString(record.id())).isNotNull();
        assertThat(record).isEqualTo(new ImportRecord(record.id(), tenant, "csv", "sha256:one", T0, 1,
                ImportCounts.of(dataset)));
        assertThat(store.latestImport(tenant, "csv")).contains(record);
        assertThat(store.latestImport(tenant, "stripe")).isEmpty();
        assertThat(new JdbiTenantRegistry(database.jdbi()).dataVersion(tenant)).isEqualTo(1);
        assertSameData(new JdbiTenantDataStore(database.jdbi()).loadTenantData(tenant), dataset);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void replacingLeavesNothingOfTheEarlierImport(TestDatabase database) {
        TenantId tenant = createTenant(database, "USD");
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi());
        TenantDataset first = TestDatasets.withEveryField(21, 250);
        TenantDataset second = TestDatasets.generated(22, 120);

        ImportRecord firstRecord = store.replaceTenantData(tenant, "csv", first, "sha256:first", T0);
        ImportRecord secondRecord = store.replaceTenantData(tenant, "csv", second, "sha256:second", T0.plusSeconds(5));

        assertThat(secondRecord.dataVersion()).isEqualTo(2);
        assertSameData(store.loadTenantData(tenant), second);
        for (String table : DatasetWriter.TABLES) {
            assertThat(rowsOf(database.jdbi(), table, tenant)).as(table).isEqualTo(switch (table) {
                case "customers" -> second.customers().size();
                case "products" -> second.products().size();
                case "subscription_items" -> second.items().size();
                case "one_time_charges" -> second.charges().size();
                default -> second.rates().size();
            });
        }
        assertThat(store.latestImport(tenant, "csv")).contains(secondRecord);
        assertThat(store.imports(tenant, 10)).containsExactly(secondRecord, firstRecord);
        assertThat(store.imports(tenant, 1)).containsExactly(secondRecord);
        assertThat(store.find(tenant, firstRecord.id())).contains(firstRecord);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailedReplaceLeavesTheOldDataAndVersion(TestDatabase database) {
        TenantId tenant = createTenant(database, "USD");
        TenantDataset old = TestDatasets.generated(31, 150);
        TenantDataset failing = TestDatasets.generated(32, 200);
        // small chunks: the forced failure comes after whole chunks of the new items went in
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi(), 50);
        ImportRecord oldRecord = store.replaceTenantData(tenant, "csv", old, "sha256:old", T0);
        TenantDataset loadedBefore = store.loadTenantData(tenant);

        try (ForcedFailure ignored = ForcedFailure.onItem(database, tenant, failing.items().get(120).id())) {
            assertThatThrownBy(() -> store.replaceTenantData(tenant, "csv", failing, "sha256:new", T0.plusSeconds(1)))
                    .hasStackTraceContaining("forced failure");
        }

        assertThat(new JdbiTenantRegistry(database.jdbi()).dataVersion(tenant)).isEqualTo(1);
        assertThat(store.latestImport(tenant, "csv")).contains(oldRecord);
        assertThat(store.imports(tenant, 10)).containsExactly(oldRecord);
        assertThat(store.loadTenantData(tenant)).isSameAs(loadedBefore);
        assertSameData(new JdbiTenantDataStore(database.jdbi()).loadTenantData(tenant), old);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void refusesUnknownTenantsAndForeignCurrenciesWithoutWriting(TestDatabase database) {
        TenantId euroTenant = createTenant(database, "EUR");
        TenantId unknown = new TenantId(UUID.randomUUID().toString());
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi());
        TenantDataset usd = TestDatasets.generated(41, 20);

        assertThatThrownBy(() -> store.replaceTenantData(unknown, "csv", usd, "sha256:x", T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(unknown.value());
        assertThatThrownBy(() -> store.loadTenantData(unknown)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.replaceTenantData(euroTenant, "csv", usd, "sha256:x", T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EUR");

        assertThat(new JdbiTenantRegistry(database.jdbi()).dataVersion(euroTenant)).isZero();
        assertThat(rowsOf(database.jdbi(), "customers", unknown)).isZero();
        assertThat(rowsOf(database.jdbi(), "customers", euroTenant)).isZero();
        assertThat(store.latestImport(euroTenant, "csv")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTenantWithoutDataLoadsAnEmptyDatasetInItsCurrency(TestDatabase database) {
        TenantId tenant = createTenant(database, "GBP");
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi());

        TenantDataset empty = store.loadTenantData(tenant);

        assertThat(empty.reportingCurrency()).isEqualTo("GBP");
        assertThat(empty.customers()).isEmpty();
        assertThat(empty.items()).isEmpty();
        assertThat(store.loadTenantData(tenant)).isSameAs(empty);
        assertThat(store.imports(tenant, 10)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void tenantsNeverSeeEachOthersRows(TestDatabase database) {
        TenantId a = createTenant(database, "USD");
        TenantId b = createTenant(database, "EUR");
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi());
        TenantDataset dataOfA = TestDatasets.generated(51, 100);
        TenantDataset dataOfB = TestDatasets.generated(52, 60, "EUR");

        ImportRecord importOfA = store.replaceTenantData(a, "csv", dataOfA, "sha256:a", T0);
        assertThat(store.loadTenantData(b).customers()).isEmpty();
        assertThat(store.latestImport(b, "csv")).isEmpty();
        assertThat(store.find(b, importOfA.id())).as("another tenant's import").isEmpty();

        ImportRecord importOfB = store.replaceTenantData(b, "csv", dataOfB, "sha256:b", T0);
        assertThat(importOfB.dataVersion()).as("versions are per tenant").isEqualTo(1);
        assertSameData(store.loadTenantData(a), dataOfA);
        assertSameData(store.loadTenantData(b), dataOfB);
        assertThat(store.imports(a, 10)).containsExactly(importOfA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sourcesAreLoadedTogetherAndReplacedApart(TestDatabase database) {
        TenantId tenant = createTenant(database, "USD");
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi());
        TenantDataset csv = TestDatasets.generated(61, 40);
        TenantDataset stripe = TenantDataset.of("USD",
                List.of(new Customer("cus_1", "Stripe customer", null, Map.of("segment", "smb"))),
                List.of(Product.standalone("prod_1")),
                List.of(RecurringItem.builder("si_1", "cus_1", "prod_1")
                        .start("2026-01-01").unitAmount("29.00").build()),
                List.of(), List.of());

        store.replaceTenantData(tenant, "csv", csv, "sha256:csv", T0);
        store.replaceTenantData(tenant, "stripe", stripe, "sha256:stripe", T0.plusSeconds(1));
        TenantDataset both = store.loadTenantData(tenant);
        assertThat(both.customers()).containsExactlyElementsOf(concat(csv.customers(), stripe.customers()));
        assertThat(both.items()).containsExactlyElementsOf(concat(csv.items(), stripe.items()));

        TenantDataset newCsv = TestDatasets.generated(62, 30);
        store.replaceTenantData(tenant, "csv", newCsv, "sha256:csv2", T0.plusSeconds(2));
        TenantDataset after = store.loadTenantData(tenant);
        assertThat(after.customers()).containsExactlyElementsOf(concat(newCsv.customers(), stripe.customers()));
        assertThat(after.products()).containsExactlyElementsOf(concat(newCsv.products(), stripe.products()));
        assertThat(after.items()).containsExactlyElementsOf(concat(newCsv.items(), stripe.items()));
        assertThat(after.rates()).containsExactlyElementsOf(newCsv.rates());
        assertThat(store.latestImport(tenant, "stripe").orElseThrow().dataVersion()).isEqualTo(2);
        assertThat(store.latestImport(tenant, "csv").orElseThrow().dataVersion()).isEqualTo(3);
    }

    /**
     * Items are read as cells straight into columns: the load of several sources (on PostgreSQL one
     * in the shared tables, as imported before per-import tables, and two in tables of their own)
     * must be the very dataset {@link TenantDataset#of} makes of the same records in import order,
     * sources by name.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLoadIsTheDatasetOfTheSameRecordsInImportOrder(TestDatabase database) {
        TenantId tenant = createTenant(database, "USD");
        TenantDataset stripe = TestDatasets.prefixed("st-", TestDatasets.generated(102, 150));
        TenantDataset csv = TestDatasets.withEveryField(101, 400);
        TenantDataset chargebee = TestDatasets.prefixed("cb-\u00fc\u2713-", TestDatasets.withEveryField(103, 120));
        importSource(database, tenant, "stripe", stripe);
        if (database.dialect() == Dialect.POSTGRESQL) {
            StoredTables.makeLegacy(database.jdbi(), tenant.value(), "stripe");
            assertThat(StoredTables.sharedRows(database.jdbi(), "subscription_items", tenant.value()))
                    .isEqualTo(stripe.items().size());
        }
        importSource(database, tenant, "csv", csv);
        importSource(database, tenant, "chargebee", chargebee);

        TenantDataset loaded = new JdbiTenantDataStore(database.jdbi()).loadTenantData(tenant);

        TenantDataset expected = ofAll(List.of(chargebee, csv, stripe), null);
        assertSameData(loaded, expected);
        assertThat(loaded.image()).usingRecursiveComparison().isEqualTo(expected.image());
        for (int i = 0; i < loaded.items().size(); i++) {
            assertThat(loaded.customerOfItem(i)).isEqualTo(expected.customerOfItem(i));
        }
    }

    /** What the dataset refuses, a load refuses the same way: the rules hold for stored rows too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLoadRefusesStoredItemsAsTheDatasetRefusesThem(TestDatabase database) {
        TenantId tenant = createTenant(database, "USD");
        TenantDataset csv = TestDatasets.generated(111, 60);
        TenantDataset stripe = TestDatasets.prefixed("st-", TestDatasets.generated(112, 40));
        importSource(database, tenant, "csv", csv);
        importSource(database, tenant, "stripe", stripe);
        RecurringItem victim = stripe.items().get(7);
        String duplicate = csv.items().get(3).id();

        // an item of stripe takes the id of one of csv: TenantDataset.of names the duplicate
        StoredTables.updateItem(database.jdbi(), tenant.value(), victim.id(), "item_id", duplicate);
        Throwable byOf = org.assertj.core.api.Assertions.catchThrowable(() -> ofAll(List.of(csv, stripe),
                item -> item.id().equals(victim.id()) ? new RecurringItem(duplicate, item.customerId(),
                        item.productId(), item.subscriptionId(), item.startDate(), item.endDate(), item.unitAmount(),
                        item.quantity(), item.currency(), item.interval(), item.intervalCount(),
                        item.discountPercent(), item.discountAmount(), item.trialEnd(), item.bundleId()) : item));
        assertThat(byOf).isInstanceOf(io.xsell.core.model.InvalidDatasetException.class);
        assertThatThrownBy(() -> new JdbiTenantDataStore(database.jdbi()).loadTenantData(tenant))
                .isInstanceOf(io.xsell.core.model.InvalidDatasetException.class)
                .hasMessage(byOf.getMessage());

        // a quantity the item's constructor refuses
        StoredTables.updateItem(database.jdbi(), tenant.value(), duplicate, "quantity", "0");
        assertThatThrownBy(() -> new JdbiTenantDataStore(database.jdbi()).loadTenantData(tenant))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantity must be > 0, was 0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void servesTheSameInstanceUntilTheDataVersionChanges(TestDatabase database) {
        TenantId tenant = createTenant(database, "USD");
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi());
        // another process writing to the same database: the cache must notice through the version
        JdbiTenantDataStore otherWriter = new JdbiTenantDataStore(database.jdbi());
        store.replaceTenantData(tenant, "csv", TestDatasets.generated(71, 50), "sha256:1", T0);

        TenantDataset first = store.loadTenantData(tenant);
        assertThat(store.loadTenantData(tenant)).isSameAs(first);

        TenantDataset replacement = TestDatasets.generated(72, 40);
        otherWriter.replaceTenantData(tenant, "csv", replacement, "sha256:2", T0.plusSeconds(1));
        TenantDataset second = store.loadTenantData(tenant);
        assertThat(second).isNotSameAs(first);
        assertSameData(second, replacement);
        assertThat(store.loadTenantData(tenant)).isSameAs(second);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anImportOfTheOnlySourceIsServedWithoutReadingItBack(TestDatabase database) {
        TenantId tenant = createTenant(database, "USD");
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi());
        TenantDataset written = TestDatasets.generated(81, 30);

        store.replaceTenantData(tenant, "csv", written, "sha256:1", T0);

        assertThat(store.loadTenantData(tenant)).isSameAs(written);
        TenantDataset other = TenantDataset.of("USD", List.of(Customer.of("cus_stripe_1", Map.of())),
                List.of(Product.standalone("prod_stripe_1")),
                List.of(RecurringItem.builder("si_stripe_1", "cus_stripe_1", "prod_stripe_1").unitAmount("10")
                        .start("2025-01-01").build()), List.of(), List.of());
        store.replaceTenantData(tenant, "stripe", other, "sha256:2", T0.plusSeconds(1));
        // two sources: the union must come from the database, not from either write
        TenantDataset union = store.loadTenantData(tenant);
        assertThat(union).isNotSameAs(written).isNotSameAs(other);
        assertThat(union.customers()).hasSize(written.customers().size() + other.customers().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentCallersGetOneDataset(TestDatabase database) throws Exception {
        TenantId tenant = createTenant(database, "USD");
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi());
        store.replaceTenantData(tenant, "csv", TestDatasets.generated(91, 300), "sha256:1", T0);

        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<TenantDataset>> loads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                loads.add(callers.submit(() -> store.loadTenantData(tenant)));
            }
            TenantDataset first = loads.get(0).get(1, TimeUnit.MINUTES);
            for (Future<TenantDataset> load : loads) {
                assertThat(load.get(1, TimeUnit.MINUTES)).isSameAs(first);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sharesRepeatedValuesWithinALoad(TestDatabase database) {
        TenantId tenant = createTenant(database, "USD");
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi());
        store.replaceTenantData(tenant, "csv", TestDatasets.generated(81, 200), "sha256:1", T0);

        // a fresh store reads from the database (the writing store would serve what it wrote)
        TenantDataset loaded = new JdbiTenantDataStore(database.jdbi()).loadTenantData(tenant);

        Map<String, String> customerIds = new HashMap<>();
        Map<Object, Object> firstOfEachValue = new HashMap<>();
        loaded.customers().forEach(c -> customerIds.put(c.id(), c.id()));
        for (RecurringItem item : loaded.items()) {
            assertThat(item.customerId()).isSameAs(customerIds.get(item.customerId()));
            for (Object value : List.of(item.productId(), item.currency(), item.startDate(), item.unitAmount())) {
                assertThat(value).isSameAs(firstOfEachValue.computeIfAbsent(value, v -> v));
            }
        }
        for (Customer customer : loaded.customers()) {
            assertThat(customer.attributes()).isSameAs(firstOfEachValue.computeIfAbsent(customer.attributes(), v -> v));
        }
    }

    static TenantId createTenant(TestDatabase database, String currency) {
        Tenant tenant = JdbiTenantRegistryTest.tenant(JdbiTenantRegistryTest.uniqueName(), currency, T0);
        new JdbiTenantRegistry(database.jdbi()).create(tenant);
        return tenant.id();
    }

    /** Import order is kept, so lists compare element by element, BigDecimal scale included. */
    static void assertSameData(TenantDataset actual, TenantDataset expected) {
        assertThat(actual.reportingCurrency()).isEqualTo(expected.reportingCurrency());
        assertThat(actual.customers()).containsExactlyElementsOf(expected.customers());
        assertThat(actual.products()).containsExactlyElementsOf(expected.products());
        assertThat(actual.items()).containsExactlyElementsOf(expected.items());
        assertThat(actual.charges()).containsExactlyElementsOf(expected.charges());
        assertThat(actual.rates()).containsExactlyElementsOf(expected.rates());
    }

    private static long rowsOf(Jdbi jdbi, String table, TenantId tenant) {
        return StoredTables.rowsOf(jdbi, table, tenant.value());
    }

    /** Imports {@code dataset} as {@code source}, a second after the tenant's previous import. */
    private static void importSource(TestDatabase database, TenantId tenant, String source, TenantDataset dataset) {
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi());
        store.replaceTenantData(tenant, source, dataset, "sha256:" + source,
                T0.plusSeconds(store.imports(tenant, 100).size()));
    }

    /**
     * {@link TenantDataset#of} the records of {@code datasets} one after the other, in USD; each item
     * through {@code item} when not null.
     */
    private static TenantDataset ofAll(List<TenantDataset> datasets, UnaryOperator<RecurringItem> item) {
        List<RecurringItem> items = new ArrayList<>();
        datasets.forEach(d -> d.items().forEach(i -> items.add(item == null ? i : item.apply(i))));
        return TenantDataset.of("USD", concat(datasets, TenantDataset::customers),
                concat(datasets, TenantDataset::products), items, concat(datasets, TenantDataset::charges),
                concat(datasets, TenantDataset::rates));
    }

    private static <T> List<T> concat(List<TenantDataset> datasets, Function<TenantDataset, List<T>> part) {
        List<T> all = new ArrayList<>();
        datasets.forEach(d -> all.addAll(part.apply(d)));
        return all;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
