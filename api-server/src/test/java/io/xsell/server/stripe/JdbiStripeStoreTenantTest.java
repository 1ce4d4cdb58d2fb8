package io.xsell.server.stripe;

import io.xsell.server.connections.JdbiConnectionStore;
import io.xsell.server.connections.SyncRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.model.TenantId;
import io.xsell.ingestion.stripe.StripeObjectType;
import io.xsell.ingestion.stripe.sync.StripeRecord;
import io.xsell.server.persistence.Databases;
import io.xsell.server.persistence.JdbiTenantRegistry;
import io.xsell.server.persistence.TestDatabase;
import io.xsell.server.persistence.TestDatabases;
import io.xsell.server.tenant.TenantAdministration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every query of the Stripe store names the tenant: one tenant never reads or writes another's Stripe rows. */
class JdbiStripeStoreTenantTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anotherTenantReadsNoneOfAConnectionsRowsAndWritesNone(TestDatabase database) {
        Databases.migrate(database.config());
        Jdbi jdbi = database.jdbi();
        TenantAdministration tenants = new TenantAdministration(new JdbiTenantRegistry(jdbi), Clock.systemUTC());
        TenantId owner = tenants.createTenant("owner-" + database.dialect(), "USD").tenant().id();
        TenantId other = tenants.createTenant("other-" + database.dialect(), "USD").tenant().id();
        JdbiStripeStore store = new JdbiStripeStore(jdbi);
        StripeConnection connection = new StripeConnection("conn_owned", owner, Instant.now(), false, "4242", true,
                "USD", Map.of(), List.of(), null, null, null);
        store.insertConnection(connection, "sealed-key", "sealed-secret");
        SyncRun run = new SyncRun("sync_owned", connection.id(), "incremental", "running", Instant.now(), null, 0, null,
                Map.of(), List.of());
        store.insertRun(owner, run);
        StripeRecord customer = new StripeRecord(StripeObjectType.CUSTOMER, "cus_1", 1,
                "{\"id\":\"cus_1\",\"object\":\"customer\"}");
        store.storeObjects(owner, connection.id(), List.of(customer));
        store.receive(owner, connection.id(), List.of(new JdbiStripeStore.InboxEvent("evt_1", "customer.updated", 2,
                "{}", List.of(customer))), "webhook", Instant.now(), "evt_1", 2L);

        // the owner sees its rows
        assertThat(store.connection(owner, connection.id())).isPresent();
        assertThat(store.runs(owner, connection.id(), 10)).hasSize(1);
        assertThat(objects(store, owner, connection.id())).hasSize(1);
        assertThat(store.sealedKey(owner, connection.id())).isEqualTo("sealed-key");

        // another tenant sees nothing of them
        assertThat(store.connection(other, connection.id())).isEmpty();
        assertThat(store.connections(other)).isEmpty();
        assertThat(store.runs(other, connection.id(), 10)).isEmpty();
        assertThat(store.run(other, run.id())).isEmpty();
        assertThat(store.unfinishedBackfill(other, connection.id())).isEmpty();
        assertThat(store.lastBackfillSize(other, connection.id())).isEmpty();
        assertThat(store.backfillCounts(other, run.id())).isEmpty();
        assertThat(store.sealedWebhookSecret(other, connection.id())).isEmpty();
        assertThat(objects(store, other, connection.id())).isEmpty();

        // ... and changes nothing of them
        assertThatThrownBy(() -> store.storeObjects(other, connection.id(), List.of(customer)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.receive(other, connection.id(), List.of(), "webhook", Instant.now(), "x", 3L))
                .isInstanceOf(IllegalArgumentException.class);
        store.finishRun(other, run.id(), "failed", Instant.now(), 0, Map.of(), List.of("not yours"));
        store.markSynced(other, connection.id(), Instant.now());
        store.setEventCursor(other, connection.id(), "evt_other", 99);
        assertThat(store.run(owner, run.id()).orElseThrow().state()).isEqualTo("running");
        StripeConnection unchanged = store.connection(owner, connection.id()).orElseThrow();
        assertThat(unchanged.lastSyncedAt()).isNull();
        assertThat(unchanged.eventCursor()).isEqualTo("evt_1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aTenantsOwnConnectionDoesNotOpenAnotherTenantsRunCheckpoints(TestDatabase database) {
        Databases.migrate(database.config());
        Jdbi jdbi = database.jdbi();
        TenantAdministration tenants = new TenantAdministration(new JdbiTenantRegistry(jdbi), Clock.systemUTC());
        TenantId owner = tenants.createTenant("run-owner-" + database.dialect(), "USD").tenant().id();
        TenantId other = tenants.createTenant("run-other-" + database.dialect(), "USD").tenant().id();
        JdbiStripeStore stripe = new JdbiStripeStore(jdbi);
        JdbiConnectionStore store = stripe.shared();
        stripe.insertConnection(new StripeConnection("conn_run_owner", owner, Instant.now(), false, "4242", true,
                "USD", Map.of(), List.of(), null, null, null), "k", "s");
        stripe.insertConnection(new StripeConnection("conn_run_other", other, Instant.now(), false, "4343", true,
                "USD", Map.of(), List.of(), null, null, null), "k", "s");
        SyncRun run = new SyncRun("sync_run_owner", "conn_run_owner", "backfill", "running", Instant.now(), null, 0,
                null, Map.of(), List.of());
        store.insertRun(owner, run);
        store.startPlan(owner, "conn_run_owner", run.id(), "{\"slices\":[]}", List.of("customers"));
        StripeRecord customer = new StripeRecord(StripeObjectType.CUSTOMER, "cus_9", 1,
                "{\"id\":\"cus_9\",\"object\":\"customer\"}");

        // the other tenant names its own connection and the owner's run: refused, nothing written
        assertThatThrownBy(() -> store.savePage(other, "conn_run_other", run.id(),
                new JdbiConnectionStore.Checkpoint("customers", "cus_forged", true, 99), 1,
                JdbiStripeStore.neutral(List.of(customer))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(run.id());
        assertThatThrownBy(() -> store.startPlan(other, "conn_run_other", run.id(), "{}", List.of("forged")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.checkpoints(owner, run.id()))
                .containsExactly(new JdbiConnectionStore.Checkpoint("customers", null, false, 0));
        assertThat(store.plan(owner, run.id())).isEqualTo("{\"slices\":[]}");
        assertThat(store.run(owner, run.id()).orElseThrow().objectsDone()).isZero();
        assertThat(store.records(other, "conn_run_other", "customer")).isEmpty();

        // the owner moves its own checkpoint
        store.savePage(owner, "conn_run_owner", run.id(), new JdbiConnectionStore.Checkpoint("customers", "cus_9",
                false, 1), 1, JdbiStripeStore.neutral(List.of(customer)));
        assertThat(store.checkpoints(owner, run.id()))
                .containsExactly(new JdbiConnectionStore.Checkpoint("customers", "cus_9", false, 1));
        assertThat(store.run(owner, run.id()).orElseThrow().objectsDone()).isEqualTo(1);
    }

    private static List<String> objects(JdbiStripeStore store, TenantId tenant, String connectionId) {
        List<String> json = new ArrayList<>();
        store.snapshot(tenant, connectionId).forEach(StripeObjectType.CUSTOMER, json::add);
        return json;
    }
}
