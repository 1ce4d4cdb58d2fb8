package io.xsell.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.model.TenantId;
import io.xsell.core.service.TenantDataImportService;
import io.xsell.ingestion.stripe.fake.FakeStripeServer;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.connections.SyncRun;
import io.xsell.server.fixture.XsellJvm;
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
            StripeSyncService service = new StripeSyncService(new JdbiStripeStore(jdbi), stripeConfig, MASTER_KEY,
                    new TenantDataImportService(new JdbiTenantDataStore(jdbi), Clock.systemUTC()), t -> { },
                    Clock.systemUTC());
            String connection = service.connect(new StripeConnection(null, tenant, null, false, null, false, "USD",
                    Map.of(), account.canonical().rates(), null, null, null), KEY, null).id();

            CommandRunner.Result first = CommandRunner.run("sync", connection);
            assertThat(first.failure()).isEmpty();
            assertThat(first.stdout()).startsWith("backfill succeeded");
            assertThat(first.stderr()).contains("Stripe sync").contains("objects");
            assertThat(new JdbiTenantDataStore(jdbi).loadTenantData(tenant).customers())
                    .hasSize(account.canonical().customers().size());

            CommandRunner.Result second = CommandRunner.run("sync", connection);
            assertThat(second.failure()).isEmpty();
            assertThat(second.stdout()).startsWith("incremental succeeded");

            CommandRunner.Result unknown = CommandRunner.run("sync", "conn_nope");
            assertThat(unknown.failure()).isPresent();
            assertThat(unknown.stderr()).contains("no connection 'conn_nope'");
        }
    }

    /**
     * The sync process is killed (SIGKILL) in the middle of its backfill; the next sync resumes
     * the same run from its checkpoints and ends with every object stored and counted once, and
     * the same canonical data as an uninterrupted sync.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aSyncProcessKilledMidBackfillResumesWithNothingLostOrDoubled() throws Exception {
        SyntheticStripeAccount account = SyntheticStripeAccount.of(
                SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(4, 400)),
                SyntheticAccountSpec.DEFAULT_HISTORY_END, 4);
        long expected = java.util.Arrays.stream(io.xsell.ingestion.stripe.StripeObjectType.values())
                .mapToLong(t -> account.objects(t).size()).sum();
        try (FakeStripeServer stripe = new FakeStripeServer(account, KEY)) {
            stripe.latency(40);
            String url = "jdbc:sqlite:" + dir.resolve("xsell.db");
            Databases.migrate(new DatabaseConfig(url, null, null));
            Jdbi jdbi = Databases.jdbi(new DatabaseConfig(url, null, null));
            TenantId tenant = new TenantAdministration(new JdbiTenantRegistry(jdbi), Clock.systemUTC())
                    .createTenant("killed", "USD").tenant().id();
            XsellConfiguration configuration = new XsellConfiguration();
            setField(configuration.getStripe(), "apiBase", stripe.baseUrl());
            setField(configuration.getStripe(), "masterKey", MASTER_KEY);
            StripeSyncService service = new StripeSyncService(new JdbiStripeStore(jdbi), configuration.getStripe(), MASTER_KEY,
                    new TenantDataImportService(new JdbiTenantDataStore(jdbi), Clock.systemUTC()), t -> { },
                    Clock.systemUTC());
            String connection = service.connect(new StripeConnection(null, tenant, null, false, null, false, "USD",
                    Map.of(), account.canonical().rates(), null, null, null), KEY, null).id();

            Process sync = new ProcessBuilder(XsellJvm.command(List.of("-Ddw.database.url=" + url,
                    "-Ddw.stripe.apiBase=" + stripe.baseUrl(), "-Ddw.stripe.masterKey=" + MASTER_KEY,
                    "-Ddw.stripe.backfillWorkers=2"), "sync", connection))
                    .redirectOutput(dir.resolve("sync.out").toFile()).redirectError(dir.resolve("sync.err").toFile())
                    .start();
            JdbiStripeStore store = new JdbiStripeStore(jdbi);
            try {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                        .pollInterval(java.time.Duration.ofMillis(20))
                        .until(() -> store.runs(tenant, connection, 1).stream().anyMatch(r -> r.objectsDone() >= 1500));
            } finally {
                sync.destroyForcibly().waitFor();
            }
            SyncRun killed = store.runs(tenant, connection, 1).get(0);
            assertThat(killed.state()).as("cut off mid-way").isEqualTo("running");
            assertThat(killed.objectsDone()).isBetween(1500L, expected - 1);

            CommandRunner.Result resumed = CommandRunner.run("sync", connection, "-c", writeConfig(url, stripe.baseUrl()));
            assertThat(resumed.failure()).as(resumed.stderr()).isEmpty();
            SyncRun run = store.runs(tenant, connection, 1).get(0);
            assertThat(run.id()).as("the same run, resumed").isEqualTo(killed.id());
            assertThat(run.state()).isEqualTo("succeeded");
            long rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM provider_objects "
                    + "WHERE object_type NOT IN ('subscription_item', 'discount', 'xsell.item_change')")
                    .mapTo(Long.class).one());
            assertThat(rows).isEqualTo(expected);
            assertThat(run.objectsDone()).as("every object counted once").isEqualTo(expected);

            // the same data as a sync that was never interrupted, of the same account by another tenant
            TenantId other = new TenantAdministration(new JdbiTenantRegistry(jdbi), Clock.systemUTC())
                    .createTenant("uninterrupted", "USD").tenant().id();
            String clean = service.connect(new StripeConnection(null, other, null, false, null, false, "USD",
                    Map.of(), account.canonical().rates(), null, null, null), KEY, null).id();
            assertThat(service.sync(clean, io.xsell.ingestion.provider.SyncProgress.NONE).state()).isEqualTo("succeeded");
            JdbiTenantDataStore data = new JdbiTenantDataStore(jdbi);
            assertThat(data.loadTenantData(tenant).items()).containsExactlyElementsOf(data.loadTenantData(other).items());
            assertThat(data.loadTenantData(tenant).customers()).hasSize(account.canonical().customers().size());
        }
    }

    private String writeConfig(String url, String apiBase) throws java.io.IOException {
        Path config = dir.resolve("config.yml");
        java.nio.file.Files.writeString(config, "database:\n  url: " + url + "\nstripe:\n  apiBase: " + apiBase
                + "\n  masterKey: " + MASTER_KEY + "\n");
        return config.toString();
    }

    private static void setField(Object target, String name, Object value) throws ReflectiveOperationException {
        var field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
