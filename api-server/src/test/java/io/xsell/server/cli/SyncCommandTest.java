package io.xsell.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.model.TenantId;
import io.xsell.core.service.TenantDataImportService;
import io.xsell.ingestion.stripe.fake.FakeStripeServer;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.persistence.DatabaseConfig;
import io.xsell.server.persistence.Databases;
import io.xsell.server.persistence.JdbiTenantDataStore;
import io.xsell.server.persistence.JdbiTenantRegistry;
import io.xsell.server.stripe.JdbiStripeStore;
import io.xsell.server.stripe.StripeConnection;
import io.xsell.server.stripe.StripeSyncService;
import io.xsell.server.tenant.TenantAdministration;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync CONNECTION}: a first import with a progress bar, then incremental runs. */
class SyncCommandTest {
    private static final String KEY = "rk_test_cliSyncKey";
    private static final String MASTER_KEY = "q5v4Yq3m7Cq4hX0rV9h0Qd8xJm1L2p3N4o5P6q7R8s8=";
    private static final List<String> PROPERTIES = List.of("dw.database.url", "dw.stripe.apiBase", "dw.stripe.masterKey",
            "dw.stripe.initialBackoff");

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void aFirstSyncBackfillsTheAccountWithAProgressBarAndTheNextOneIsIncremental() throws Exception {
        SyntheticStripeAccount account = SyntheticStripeAccount.of(
                SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(3, 150)),
                SyntheticAccountSpec.DEFAULT_HISTORY_END, 3);
        try (FakeStripeServer stripe = new FakeStripeServer(account, KEY)) {
            String url = "jdbc:sqlite:" + dir.resolve("xsell.db");
            System.setProperty("dw.database.url", url);
            System.setProperty("dw.stripe.apiBase", stripe.baseUrl());
            System.setProperty("dw.stripe.masterKey", MASTER_KEY);
            System.setProperty("dw.stripe.initialBackoff", "5ms");
            Databases.migrate(new DatabaseConfig(url, null, null));
            Jdbi jdbi = Databases.jdbi(new DatabaseConfig(url, null, null));
            TenantId tenant = new TenantAdministration(new JdbiTenantRegistry(jdbi), Clock.systemUTC())
                    .createTenant("acme", "USD").tenant().id();
            XsellConfiguration configuration = new XsellConfiguration();
            var stripeConfig = configuration.getStripe();
            setField(stripeConfig, "apiBase", stripe.baseUrl());
            setField(stripeConfig, "masterKey", MASTER_KEY);
            StripeSyncService service = new StripeSyncService(new JdbiStripeStore(jdbi), stripeConfig,
                    new TenantDataImportService(new JdbiTenantDataStore(jdbi), Clock.systemUTC()), t -> { },
                    Clock.systemUTC());
            String connection = service.connect(new StripeConnection(null, tenant, null, false, null, false, "USD",
                    Map.of(), account.canonical().rates(), null, null, null), KEY, null).id();

            CommandRunner.Result first = CommandRunner.run("sync", connection);
            assertThat(first.failure()).isEmpty();
            assertThat(first.stdout()).startsWith("backfill succeeded");
            assertThat(first.stderr()).contains("Stripe sync").contains("objects");
            assertThat(new JdbiTenantDataStore(jdbi).loadTenantData(tenant).customers()).hasSize(150);

            CommandRunner.Result second = CommandRunner.run("sync", connection);
            assertThat(second.failure()).isEmpty();
            assertThat(second.stdout()).startsWith("incremental succeeded");

            CommandRunner.Result unknown = CommandRunner.run("sync", "conn_nope");
            assertThat(unknown.failure()).isPresent();
            assertThat(unknown.stderr()).contains("no Stripe connection 'conn_nope'");
        }
    }

    private static void setField(Object target, String name, Object value) throws ReflectiveOperationException {
        var field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
