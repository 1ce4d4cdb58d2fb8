package io.xsell.server.persistence;

import static io.xsell.server.persistence.JdbiTenantDataStoreTest.assertSameData;
import static io.xsell.server.persistence.JdbiTenantDataStoreTest.createTenant;
import static io.xsell.server.persistence.StoredTables.generationOf;
import static io.xsell.server.persistence.StoredTables.generationTables;
import static io.xsell.server.persistence.StoredTables.referencedTables;
import static io.xsell.server.persistence.StoredTables.sharedRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.model.Customer;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On PostgreSQL every import writes tables of its own and switches its source to them
 * ({@link ImportGenerations}); SQLite keeps the shared tables. Both must read back exactly what
 * the last successful import wrote, to readers racing the switch too, and leave no table behind.
 */
class PerImportTablesTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachImportReplacesTheOneBeforeAndItsTables(TestDatabase database) {
        Jdbi jdbi = database.jdbi();
        TenantId tenant = createTenant(database, "USD");
        JdbiTenantDataStore store = new JdbiTenantDataStore(jdbi);
        TenantDataset first = TestDatasets.generated(51, 200);
        TenantDataset second = TestDatasets.withEveryField(52, 300);

        store.replaceTenantData(tenant, "csv", first, "sha256:1", T0);
        assertSameData(new JdbiTenantDataStore(jdbi).loadTenantData(tenant), first);
        store.replaceTenantData(tenant, "csv", second, "sha256:2", T0.plusSeconds(1));

        assertSameData(new JdbiTenantDataStore(jdbi).loadTenantData(tenant), second);
        assertThat(generationTables(jdbi)).isEqualTo(referencedTables(jdbi));
        boolean own = database.dialect() == Dialect.POSTGRESQL;
        for (String table : ImportGenerations.TABLES) {
            assertThat(sharedRows(jdbi, table, tenant.value())).as(table).isEqualTo(own ? 0 : rows(second, table));
        }
        assertThat(sharedRows(jdbi, "products", tenant.value())).isEqualTo(second.products().size());
        if (own) {
            long generation = generationOf(jdbi, tenant.value(), "csv");
            assertThat(generationTables(jdbi)).contains("customers_g" + generation)
                    .doesNotContain("customers_g" + (generation - 1));
            assertThat(primaryKeyOf(jdbi, "subscription_items_g" + generation)).isEqualTo("PRIMARY KEY (seq)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailedImportKeepsTheOldDataAndLeavesNoTableBehind(TestDatabase database) {
        TenantDataset failing = TestDatasets.generated(62, 250);
        assertAFailedImportChangesNothing(database, (store, tenant) -> {
            try (ForcedFailure ignored = ForcedFailure.onItem(database, tenant, failing.items().get(100).id())) {
                assertThatThrownBy(() -> store.replaceTenantData(tenant, "csv", failing, "sha256:new",
                        T0.plusSeconds(1))).hasStackTraceContaining("forced failure");
            }
        });
    }

    @Test
    void aCopyFailingPartWayOnPostgresqlLeavesNoTableBehind() {
        // PostgreSQL text cannot hold NUL: the server rejects the last customer, in the middle of the COPY
        TenantDataset base = TestDatasets.generated(64, 300);
        List<Customer> customers = new ArrayList<>(base.customers());
        Customer last = customers.remove(customers.size() - 1);
        customers.add(new Customer(last.id(), "nul\u0000name", last.createdAt(), last.attributes()));
        TenantDataset failing = TenantDataset.of("USD", customers, base.products(), base.items(), base.charges(),
                base.rates());

        assertAFailedImportChangesNothing(DATABASES.postgresql(), (store, tenant) -> assertThatThrownBy(
                () -> store.replaceTenantData(tenant, "csv", failing, "sha256:nul", T0.plusSeconds(1)))
                .hasStackTraceContaining("COPY into customers_g"));
    }

    /** Imports a dataset into a new tenant, has {@code failedImport} fail another, and finds the first whole. */
    private static void assertAFailedImportChangesNothing(TestDatabase database,
                                                          BiConsumer<JdbiTenantDataStore, TenantId> failedImport) {
        Jdbi jdbi = database.jdbi();
        TenantId tenant = createTenant(database, "USD");
        JdbiTenantDataStore store = new JdbiTenantDataStore(jdbi);
        TenantDataset old = TestDatasets.generated(61, 150);
        store.replaceTenantData(tenant, "csv", old, "sha256:old", T0);
        List<String> tablesBefore = generationTables(jdbi);

        failedImport.accept(store, tenant);

        assertSameData(new JdbiTenantDataStore(jdbi).loadTenantData(tenant), old);
        assertThat(generationTables(jdbi)).isEqualTo(tablesBefore).isEqualTo(referencedTables(jdbi));
    }

    @Test
    void rowsImportedBeforePerImportTablesLoadAndTheNextImportMovesThem() {
        TestDatabase database = DATABASES.postgresql();
        Jdbi jdbi = database.jdbi();
        TenantId tenant = createTenant(database, "USD");
        JdbiTenantDataStore store = new JdbiTenantDataStore(jdbi);
        TenantDataset legacy = TestDatasets.withEveryField(71, 200);
        TenantDataset next = TestDatasets.generated(72, 250);
        store.replaceTenantData(tenant, "csv", legacy, "sha256:legacy", T0);
        StoredTables.makeLegacy(jdbi, tenant.value(), "csv");
        assertThat(sharedRows(jdbi, "subscription_items", tenant.value())).isEqualTo(legacy.items().size());

        assertSameData(new JdbiTenantDataStore(jdbi).loadTenantData(tenant), legacy);

        store.replaceTenantData(tenant, "csv", next, "sha256:next", T0.plusSeconds(1));
        assertSameData(new JdbiTenantDataStore(jdbi).loadTenantData(tenant), next);
        for (String table : ImportGenerations.TABLES) {
            assertThat(sharedRows(jdbi, table, tenant.value())).as(table).isZero();
        }
        assertThat(generationTables(jdbi)).isEqualTo(referencedTables(jdbi));
    }

    @Test
    void theMigrationRenumbersRowsAReImportNumberedFromTheUpperHalf() {
        // a schema of its own: the migration is undone and done again there
        TestDatabase database = new TestDatabase(Dialect.POSTGRESQL);
        try {
            Jdbi jdbi = database.jdbi();
            TenantId tenant = createTenant(database, "USD");
            TenantDataset dataset = TestDatasets.withEveryField(75, 120);
            new JdbiTenantDataStore(jdbi).replaceTenantData(tenant, "csv", dataset, "sha256:x", T0);
            // as a re-import before V40_2 left it: shared tables, seq from 2^30, and no V40_2
            StoredTables.makeLegacy(jdbi, tenant.value(), "csv");
            jdbi.useHandle(h -> {
                for (String table : DatasetWriter.TABLES) {
                    h.execute("UPDATE " + table + " SET seq = seq + 1073741824");
                }
                h.execute("DROP TABLE import_generations");
                h.execute("DROP SEQUENCE import_generation_numbers");
                h.execute("DELETE FROM flyway_schema_history WHERE version = '40.2'");
            });

            assertThat(Databases.migrate(database.config())).isEqualTo(1);

            assertSameData(new JdbiTenantDataStore(jdbi).loadTenantData(tenant), dataset);
            for (String table : DatasetWriter.TABLES) {
                int highest = jdbi.withHandle(h -> h.createQuery("SELECT MAX(seq) FROM " + table).mapTo(Integer.class)
                        .one());
                assertThat(highest).as(table).isLessThan(1000);
            }
        } finally {
            database.drop();
        }
    }

    @Test
    void aReaderWhoseTablesAreDroppedUnderItReadsAgainAndGetsTheNewImport() throws Exception {
        TestDatabase database = DATABASES.postgresql();
        Jdbi jdbi = database.jdbi();
        TenantId tenant = createTenant(database, "USD");
        JdbiTenantDataStore store = new JdbiTenantDataStore(jdbi);
        TenantDataset old = TestDatasets.generated(81, 150);
        TenantDataset replacement = TestDatasets.generated(82, 180);
        store.replaceTenantData(tenant, "csv", old, "sha256:old", T0);
        String oldCustomers = "customers_g" + generationOf(jdbi, tenant.value(), "csv");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (Handle blocker = jdbi.open()) {
            // the reader resolves the old pointer, then waits here for the old customers table
            blocker.begin();
            blocker.execute("LOCK TABLE " + oldCustomers + " IN ACCESS EXCLUSIVE MODE");
            Future<TenantDataset> read = reader.submit(() -> new JdbiTenantDataStore(jdbi).loadTenantData(tenant));
            awaitLockWait(jdbi, oldCustomers);

            // the import commits; its own drop of the old customers table gives up behind the blocker
            store.replaceTenantData(tenant, "csv", replacement, "sha256:new", T0.plusSeconds(1));
            blocker.execute("DROP TABLE " + oldCustomers);
            blocker.commit();

            assertSameData(read.get(1, TimeUnit.MINUTES), replacement);
        } finally {
            reader.shutdownNow();
        }
        assertThat(generationTables(jdbi)).isEqualTo(referencedTables(jdbi));
    }

    @Test
    void aTableADropCouldNotTakeGoesAtTheNextImportAndNoTenantWaitsForAnother() throws Exception {
        TestDatabase database = DATABASES.postgresql();
        Jdbi jdbi = database.jdbi();
        TenantId reading = createTenant(database, "USD");
        TenantId importing = createTenant(database, "USD");
        JdbiTenantDataStore store = new JdbiTenantDataStore(jdbi);
        store.replaceTenantData(reading, "csv", TestDatasets.generated(91, 60), "sha256:r1", T0);
        store.replaceTenantData(importing, "csv", TestDatasets.generated(92, 60), "sha256:i1", T0);
        String readersTable = "subscription_items_g" + generationOf(jdbi, reading.value(), "csv");
        try (Handle reader = jdbi.open()) {
            // a long read of one tenant, holding its tables until it ends
            reader.begin();
            reader.createQuery("SELECT COUNT(*) FROM " + readersTable).mapTo(Long.class).one();

            long start = System.nanoTime();
            store.replaceTenantData(importing, "csv", TestDatasets.generated(93, 60), "sha256:i2", T0);
            // a wait for the reader's lock would last at least the drop's lock timeout (3 s)
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("another tenant's import")
                    .isLessThan(2500);
            assertThat(generationTables(jdbi)).contains(readersTable);

            // the read tenant's own re-import: the drop of the table being read gives up, the import stands
            TenantDataset replacement = TestDatasets.generated(94, 70);
            store.replaceTenantData(reading, "csv", replacement, "sha256:r2", T0);
            assertThat(generationTables(jdbi)).contains(readersTable).doesNotContainAnyElementsOf(
                    List.of(readersTable.replace("subscription_items", "customers")));
            assertSameData(new JdbiTenantDataStore(jdbi).loadTenantData(reading), replacement);
            reader.commit();
        }

        store.replaceTenantData(importing, "csv", TestDatasets.generated(95, 60), "sha256:i3", T0);
        assertThat(generationTables(jdbi)).doesNotContain(readersTable).isEqualTo(referencedTables(jdbi));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void readersDuringReplacesGetTheOldDataOrTheNewNeverAMix(TestDatabase database) throws Exception {
        Jdbi jdbi = database.jdbi();
        TenantId tenant = createTenant(database, "USD");
        JdbiTenantDataStore store = new JdbiTenantDataStore(jdbi);
        TenantDataset a = TestDatasets.generated(101, 300);
        TenantDataset b = TestDatasets.generated(102, 350);
        store.replaceTenantData(tenant, "csv", a, "sha256:a", T0);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                reads.add(readers.submit(() -> {
                    int count = 0;
                    do {
                        // a new store each time: a read from the database, never the cache
                        TenantDataset loaded = new JdbiTenantDataStore(jdbi).loadTenantData(tenant);
                        assertThat(sameData(loaded, a) || sameData(loaded, b)).as("old or new, whole").isTrue();
                        count++;
                    } while (!done.get());
                    return count;
                }));
            }
            for (int i = 1; i <= 8; i++) {
                store.replaceTenantData(tenant, "csv", i % 2 == 1 ? b : a, "sha256:" + i, T0.plusSeconds(i));
            }
            done.set(true);
            for (Future<Integer> read : reads) {
                assertThat(read.get(1, TimeUnit.MINUTES)).isPositive();
            }
        } finally {
            done.set(true);
            readers.shutdownNow();
        }
        assertSameData(new JdbiTenantDataStore(jdbi).loadTenantData(tenant), a);
        // a drop that met a reader gave up; the sweep of a later import takes what is left
        ImportGenerations.dropUnreferenced(jdbi);
        assertThat(generationTables(jdbi)).isEqualTo(referencedTables(jdbi));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoTenantsImportAtOnce(TestDatabase database) throws Exception {
        Jdbi jdbi = database.jdbi();
        List<TenantId> tenants = List.of(createTenant(database, "USD"), createTenant(database, "USD"));
        List<List<TenantDataset>> datasets = List.of(
                List.of(TestDatasets.generated(111, 400), TestDatasets.generated(112, 300)),
                List.of(TestDatasets.generated(113, 350), TestDatasets.generated(114, 450)));
        ExecutorService importers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> imports = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                TenantId tenant = tenants.get(t);
                List<TenantDataset> own = datasets.get(t);
                imports.add(importers.submit(() -> {
                    JdbiTenantDataStore store = new JdbiTenantDataStore(jdbi);
                    for (int i = 0; i < 4; i++) {
                        store.replaceTenantData(tenant, "csv", own.get(i % 2), "sha256:" + i, T0.plusSeconds(i));
                    }
                }));
            }
            for (Future<?> running : imports) {
                running.get(2, TimeUnit.MINUTES);
            }
        } finally {
            importers.shutdownNow();
        }
        for (int t = 0; t < 2; t++) {
            assertSameData(new JdbiTenantDataStore(jdbi).loadTenantData(tenants.get(t)), datasets.get(t).get(1));
        }
        assertThat(generationTables(jdbi)).isEqualTo(referencedTables(jdbi));
    }

    private static boolean sameData(TenantDataset actual, TenantDataset expected) {
        return actual.customers().equals(expected.customers()) && actual.products().equals(expected.products())
                && actual.items().equals(expected.items()) && actual.charges().equals(expected.charges())
                && actual.rates().equals(expected.rates());
    }

    private static long rows(TenantDataset dataset, String table) {
        return switch (table) {
            case "customers" -> dataset.customers().size();
            case "subscription_items" -> dataset.items().size();
            case "one_time_charges" -> dataset.charges().size();
            default -> throw new IllegalArgumentException(table);
        };
    }

    private static String primaryKeyOf(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                        + "WHERE conrelid = to_regclass(?) AND contype = 'p'")
                .bind(0, table)
                .mapTo(String.class)
                .one());
    }

    /** Until a session waits for a lock on {@code table}. */
    private static void awaitLockWait(Jdbi jdbi, String table) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            boolean waiting = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM pg_locks "
                            + "WHERE NOT granted AND relation = to_regclass(?)")
                    .bind(0, table)
                    .mapTo(Integer.class)
                    .one()) > 0;
            if (waiting) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no session came to wait for " + table);
    }
}
