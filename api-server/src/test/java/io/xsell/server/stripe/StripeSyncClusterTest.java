package io.xsell.server.stripe;

import io.xsell.server.connections.SyncRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import io.xsell.core.model.TenantId;
import io.xsell.core.service.TenantDataImportService;
import io.xsell.ingestion.stripe.fake.FakeStripeServer;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.server.persistence.Databases;
import io.xsell.server.persistence.JdbiTenantDataStore;
import io.xsell.server.persistence.JdbiTenantRegistry;
import io.xsell.server.persistence.TestDatabase;
import io.xsell.server.persistence.TestDatabases;
import io.xsell.server.schedule.SchedulerConfig;
import io.xsell.server.schedule.SchedulerDatabase;
import io.xsell.server.schedule.Schedulers;
import io.xsell.server.tenant.TenantAdministration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two server instances share one database, each with its scheduler and its own sync service:
 * a connection's scheduled sync runs on one of them at a time, its first run is the only
 * backfill, and its schedule stays one.
 */
class StripeSyncClusterTest {
    private static final String KEY = "rk_test_clusterKey";
    private static final String MASTER_KEY = "q5v4Yq3m7Cq4hX0rV9h0Qd8xJm1L2p3N4o5P6q7R8s8=";

    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aConnectionsScheduledSyncRunsOnOneInstanceAtATime(TestDatabase database) throws Exception {
        SyntheticStripeAccount account = SyntheticStripeAccount.of(
                SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(9, 60)),
                SyntheticAccountSpec.DEFAULT_HISTORY_END, 9);
        try (FakeStripeServer stripe = new FakeStripeServer(account, KEY)) {
            Databases.migrate(database.config());
            Jdbi jdbi = database.jdbi();
            TenantId tenant = new TenantAdministration(new JdbiTenantRegistry(jdbi), Clock.systemUTC())
                    .createTenant("cluster-" + database.dialect(), "USD").tenant().id();
            StripeConfig config = new ObjectMapper().convertValue(Map.of("apiBase", stripe.baseUrl(),
                    "masterKey", MASTER_KEY, "initialBackoff", "5ms"), StripeConfig.class);
            StripeSyncService a = service(jdbi, config);
            StripeSyncService b = service(jdbi, config);
            String connection = a.connect(new StripeConnection(null, tenant, null, false, null, false, "USD", Map.of(),
                    account.canonical().rates(), null, null, null), KEY, null).id();

            SchedulerDatabase db = new SchedulerDatabase(Databases.dataSource(database.config()), database.dialect());
            SchedulerConfig fast = new ObjectMapper().convertValue(Map.of("pollingInterval", "50ms", "threads", 4),
                    SchedulerConfig.class);
            Duration interval = Duration.ofMillis(150);
            Task<Void> taskA = StripeSyncTask.create(a, interval);
            Task<Void> taskB = StripeSyncTask.create(b, interval);
            List<Scheduler> cluster = List.of(
                    Schedulers.scheduler(db, fast, "instance-a", List.of(taskA), List.of()),
                    Schedulers.scheduler(db, fast, "instance-b", List.of(taskB), List.of()));
            SchedulerClient client = Schedulers.client(db);
            client.scheduleIfNotExists(StripeSyncTask.instance(connection), Instant.now());
            try {
                cluster.forEach(Scheduler::start);
                await().atMost(Duration.ofMinutes(2)).until(() -> a.store().runs(tenant, connection, 100).stream()
                        .filter(r -> r.finishedAt() != null).count() >= 6);
            } finally {
                cluster.forEach(Scheduler::stop);
            }

            List<SyncRun> runs = a.store().runs(tenant, connection, 100).stream()
                    .sorted(Comparator.comparing(SyncRun::startedAt)).toList();
            assertThat(runs).allSatisfy(r -> assertThat(r.state()).as(r.toString()).isEqualTo("succeeded"));
            assertThat(runs).filteredOn(r -> r.kind().equals("backfill")).hasSize(1);
            assertThat(runs.get(0).kind()).isEqualTo("backfill");
            for (int i = 1; i < runs.size(); i++) {
                assertThat(runs.get(i).startedAt()).as("run %d starts after run %d ended", i, i - 1)
                        .isAfterOrEqualTo(runs.get(i - 1).finishedAt());
            }
            assertThat(client.getScheduledExecutionsForTask(StripeSyncTask.NAME)).as("one schedule").hasSize(1);
            assertThat(new JdbiTenantDataStore(jdbi).loadTenantData(tenant).customers())
                    .hasSize(account.canonical().customers().size());
        }
    }

    private static StripeSyncService service(Jdbi jdbi, StripeConfig config) {
        return new StripeSyncService(new JdbiStripeStore(jdbi), config, config.getMasterKey(),
                new TenantDataImportService(new JdbiTenantDataStore(jdbi), Clock.systemUTC()), t -> { }, Clock.systemUTC());
    }
}
