package io.xsell.server.persistence;

import static io.xsell.server.persistence.JdbiTenantDataStoreTest.assertSameData;
import static io.xsell.server.persistence.JdbiTenantDataStoreTest.createTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.dataimport.ImportRecord;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostgreSQL imports stream their rows with COPY, SQLite ones insert them in batches: both must
 * store exactly the same rows, and a COPY that fails part way must leave the earlier data whole.
 */
class CopyImportTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    @Test
    void copyOnPostgresqlAndBatchesOnSqliteLoadBackTheSameDataset() {
        // the pool's connection must unwrap to the driver's, or the import silently falls back to batches
        assertThat(unwrapsToPostgres(DATABASES.postgresql())).isTrue();
        assertThat(unwrapsToPostgres(DATABASES.sqlite())).isFalse();
        TenantDataset dataset = TestDatasets.withEveryField(5, 2500);
        TenantDataset fromSqlite = storeAndLoad(DATABASES.sqlite(), dataset);
        TenantDataset fromPostgresql = storeAndLoad(DATABASES.postgresql(), dataset);

        assertSameData(fromPostgresql, fromSqlite);
        assertSameData(fromPostgresql, dataset);
    }

    private static boolean unwrapsToPostgres(TestDatabase database) {
        try (org.jdbi.v3.core.Handle handle = database.jdbi().open()) {
            return handle.getConnection().isWrapperFor(PGConnection.class);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static TenantDataset storeAndLoad(TestDatabase database, TenantDataset dataset) {
        TenantId tenant = createTenant(database, "USD");
        new JdbiTenantDataStore(database.jdbi()).replaceTenantData(tenant, "csv", dataset, "sha256:x", T0);
        return new JdbiTenantDataStore(database.jdbi()).loadTenantData(tenant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anImportFailingAfterMegabytesOfRowsLeavesThePreviousDataIntact(TestDatabase database) {
        TenantId tenant = createTenant(database, "USD");
        TenantDataset old = TestDatasets.generated(41, 300);
        // thousands of items: several mebibytes of COPY data went to the server before the failure
        TenantDataset failing = TestDatasets.generated(42, 6000);
        int lastItem = failing.items().size() - 1;
        assertThat(lastItem).isGreaterThan(10_000);
        JdbiTenantDataStore store = new JdbiTenantDataStore(database.jdbi());
        ImportRecord oldRecord = store.replaceTenantData(tenant, "csv", old, "sha256:old", T0);

        try (ForcedFailure ignored = ForcedFailure.onItem(database, tenant, failing.items().get(lastItem).id())) {
            assertThatThrownBy(() -> store.replaceTenantData(tenant, "csv", failing, "sha256:new",
                    T0.plusSeconds(1))).hasStackTraceContaining("forced failure");
        }

        assertThat(new JdbiTenantRegistry(database.jdbi()).dataVersion(tenant)).isEqualTo(1);
        assertThat(store.imports(tenant, 10)).containsExactly(oldRecord);
        assertSameData(new JdbiTenantDataStore(database.jdbi()).loadTenantData(tenant), old);
        // the connection went back to the pool usable: the next import succeeds
        store.replaceTenantData(tenant, "csv", failing, "sha256:new", T0.plusSeconds(2));
        assertSameData(new JdbiTenantDataStore(database.jdbi()).loadTenantData(tenant), failing);
    }
}
