package io.xsell.server.chargebee;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.xsell.core.model.TenantId;
import io.xsell.core.service.TenantDataImportService;
import io.xsell.ingestion.provider.ProviderRecord;
import io.xsell.server.connections.BackgroundRebuilds;
import io.xsell.server.connections.Connection;
import io.xsell.server.connections.JdbiConnectionStore;
import io.xsell.server.connections.SecretBox;
import io.xsell.server.persistence.Databases;
import io.xsell.server.persistence.JdbiTenantDataStore;
import io.xsell.server.persistence.JdbiTenantRegistry;
import io.xsell.server.persistence.TestDatabase;
import io.xsell.server.persistence.TestDatabases;
import io.xsell.server.stripe.JdbiStripeStore;
import io.xsell.server.tenant.TenantAdministration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chargebee webhooks against a WireMock site answering with the Events API's JSON: credentials are
 * checked before anything is stored, the event is taken from the API (never from the posted body),
 * once per id, an older version never replaces a newer one; and the connection is its tenant's only.
 */
class ChargebeeWebhooksTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final String KEY = "test_cbkey_readonly_1234";
    private WireMockServer site;

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    @BeforeEach
    void startSite() {
        site = new WireMockServer(wireMockConfig().dynamicPort());
        site.start();
        site.stubFor(get(urlPathEqualTo("/api/v2/customers")).willReturn(json("{\"list\":[]}")));
        site.stubFor(get(urlPathEqualTo("/api/v2/events/ev_new")).willReturn(json(
                "{\"event\":" + event("ev_new", 1_700_000_200L, "New", 1_700_000_200_000L) + "}")));
        site.stubFor(get(urlPathEqualTo("/api/v2/events/ev_old")).willReturn(json(
                "{\"event\":" + event("ev_old", 1_700_000_100L, "Old", 1_700_000_100_000L) + "}")));
    }

    @AfterEach
    void stopSite() {
        site.stop();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void onlyRightCredentialsStoreTheApisEventOnceAndTheNewestVersionWins(TestDatabase database) {
        TwoTenants t = twoTenants(database, "cb");
        Connection connection = t.sync().connect(t.owner(), "acme-test", KEY, "hook", "s3cret", "USD", Map.of(),
                List.of());
        String raw = t.jdbi().withHandle(h -> h.createQuery("SELECT key_ciphertext || ' ' || webhook_ciphertext "
                + "FROM provider_connections WHERE id = ?").bind(0, connection.id()).mapTo(String.class).one());
        assertThat(raw).doesNotContain(KEY).doesNotContain("s3cret");
        assertThat(t.store().connection(t.owner(), connection.id()).orElseThrow().provider()).isEqualTo("chargebee");

        // the posted body claims another name: only its id is used
        String posted = event("ev_new", 1_700_000_200L, "Forged", 9_999_999_999_999L);
        assertThat(t.webhooks().receive(connection.id(), posted, null).outcome())
                .isEqualTo(ChargebeeWebhooks.Outcome.BAD_CREDENTIALS);
        assertThat(t.webhooks().receive(connection.id(), posted, basic("hook", "wrong")).outcome())
                .isEqualTo(ChargebeeWebhooks.Outcome.BAD_CREDENTIALS);
        assertThat(t.webhooks().receive(connection.id(), posted, basic("hook", "s3cret!")).outcome())
                .isEqualTo(ChargebeeWebhooks.Outcome.BAD_CREDENTIALS);
        assertThat(t.store().eventCount(t.owner(), connection.id())).isZero();
        site.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/events/ev_new")));

        assertThat(t.webhooks().receive(connection.id(), posted, basic("hook", "s3cret")).outcome())
                .isEqualTo(ChargebeeWebhooks.Outcome.RECEIVED);
        assertThat(t.webhooks().receive(connection.id(), posted, basic("hook", "s3cret")).outcome())
                .isEqualTo(ChargebeeWebhooks.Outcome.DUPLICATE);
        // delivered after the newer one: stored in the inbox, but the mirror keeps the newer customer
        assertThat(t.webhooks().receive(connection.id(), event("ev_old", 1, "Old", 1), basic("hook", "s3cret"))
                .outcome()).isEqualTo(ChargebeeWebhooks.Outcome.RECEIVED);
        assertThat(t.store().eventCount(t.owner(), connection.id())).isEqualTo(2);
        List<ProviderRecord> customers = t.store().records(t.owner(), connection.id(), "customer");
        assertThat(customers).hasSize(1);
        assertThat(customers.get(0).json()).contains("\"first_name\":\"New\"").doesNotContain("Forged");
        assertThat(customers.get(0).version()).isEqualTo(1_700_000_200_000L);

        // a malformed body is refused after the credentials, before any call
        assertThat(t.webhooks().receive(connection.id(), "{\"id\":\"../customers\"}", basic("hook", "s3cret"))
                .outcome()).isEqualTo(ChargebeeWebhooks.Outcome.MALFORMED);
        assertThat(t.webhooks().receive("conn_unknown", posted, basic("hook", "s3cret")).outcome())
                .isEqualTo(ChargebeeWebhooks.Outcome.UNKNOWN_CONNECTION);

        // another tenant sees nothing of it, and Stripe's store does not take it for a Stripe connection
        assertThat(t.sync().connection(t.other(), connection.id())).isEmpty();
        assertThat(t.store().connections(t.other())).isEmpty();
        assertThat(t.store().records(t.other(), connection.id(), "customer")).isEmpty();
        assertThat(t.store().eventCount(t.other(), connection.id())).isZero();
        assertThat(new JdbiStripeStore(t.store()).connection(t.owner(), connection.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anotherTenantsCredentialsOnThisConnectionsUrlAreRefusedAndStoreNothing(TestDatabase database) {
        TwoTenants t = twoTenants(database, "cb-iso");
        // the same site connected by two tenants, each with its own webhook credentials
        Connection mine = t.sync().connect(t.owner(), "acme-test", KEY, "hook", "s3cret", "USD", Map.of(), List.of());
        Connection theirs = t.sync().connect(t.other(), "acme-test", KEY, "their-hook", "their-s3cret", "USD", Map.of(),
                List.of());
        String posted = event("ev_new", 1_700_000_200L, "Forged", 9_999_999_999_999L);

        assertThat(t.webhooks().receive(mine.id(), posted, basic("their-hook", "their-s3cret")).outcome())
                .as("their credentials on my connection's URL").isEqualTo(ChargebeeWebhooks.Outcome.BAD_CREDENTIALS);
        assertThat(t.webhooks().receive(theirs.id(), posted, basic("hook", "s3cret")).outcome())
                .as("mine on theirs").isEqualTo(ChargebeeWebhooks.Outcome.BAD_CREDENTIALS);
        // the same user name as the other tenant's, with its password: still not this connection's pair
        Connection sameUser = t.sync().connect(t.other(), "acme-test", KEY, "hook", "their-s3cret", "USD", Map.of(),
                List.of());
        assertThat(t.webhooks().receive(mine.id(), posted, basic("hook", "their-s3cret")).outcome())
                .isEqualTo(ChargebeeWebhooks.Outcome.BAD_CREDENTIALS);
        site.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/events/ev_new")));
        for (Connection connection : List.of(mine, theirs, sameUser)) {
            assertThat(t.store().eventCount(connection.tenant(), connection.id())).isZero();
            assertThat(t.store().records(connection.tenant(), connection.id(), "customer")).isEmpty();
        }
        long stored = t.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM provider_events "
                + "WHERE connection_id IN "
                + "(?, ?, ?)").bind(0, mine.id()).bind(1, theirs.id()).bind(2, sameUser.id()).mapTo(Long.class).one());
        assertThat(stored).isZero();

        // each pair still opens its own connection, and only it
        assertThat(t.webhooks().receive(theirs.id(), posted, basic("their-hook", "their-s3cret")).outcome())
                .isEqualTo(ChargebeeWebhooks.Outcome.RECEIVED);
        assertThat(t.store().eventCount(t.other(), theirs.id())).isEqualTo(1);
        assertThat(t.store().eventCount(t.owner(), mine.id())).isZero();
        assertThat(t.store().records(t.owner(), mine.id(), "customer")).isEmpty();
        assertThat(t.store().eventCount(t.owner(), theirs.id())).as("the owner reads nothing of theirs").isZero();
    }

    /** Two tenants of one migrated database, and the Chargebee sync and webhooks over it against the double. */
    private record TwoTenants(Jdbi jdbi, TenantId owner, TenantId other, JdbiConnectionStore store,
            ChargebeeSyncService sync, ChargebeeWebhooks webhooks) { }

    private TwoTenants twoTenants(TestDatabase database, String prefix) {
        Databases.migrate(database.config());
        Jdbi jdbi = database.jdbi();
        TenantAdministration tenants = new TenantAdministration(new JdbiTenantRegistry(jdbi), Clock.systemUTC());
        TenantId owner = tenants.createTenant(prefix + "-owner-" + database.dialect(), "USD").tenant().id();
        TenantId other = tenants.createTenant(prefix + "-other-" + database.dialect(), "USD").tenant().id();
        JdbiConnectionStore store = new JdbiConnectionStore(jdbi);
        SecretBox box = SecretBox.of(Base64.getEncoder().encodeToString(new byte[32]));
        ChargebeeSyncService sync = new ChargebeeSyncService(store, () -> box,
                s -> URI.create(site.baseUrl()), 2.0, new TenantDataImportService(new JdbiTenantDataStore(jdbi),
                Clock.systemUTC()), t -> { }, Clock.systemUTC());
        return new TwoTenants(jdbi, owner, other, store, sync,
                new ChargebeeWebhooks(sync, new BackgroundRebuilds(Runnable::run)));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8").withBody(body);
    }

    /** A {@code customer_changed} event as Chargebee's Events API documents it. */
    private static String event(String id, long occurredAt, String firstName, long resourceVersion) {
        return "{\"id\":\"" + id + "\",\"occurred_at\":" + occurredAt + ",\"source\":\"admin_console\","
                + "\"user\":\"ops@acme.test\",\"object\":\"event\",\"api_version\":\"v2\",\"webhook_status\":\"scheduled\","
                + "\"event_type\":\"customer_changed\",\"content\":{\"customer\":{\"id\":\"cus_A1\",\"first_name\":\""
                + firstName + "\",\"email\":\"ada@acme.test\",\"auto_collection\":\"on\",\"net_term_days\":0,"
                + "\"allow_direct_debit\":false,\"created_at\":1690000000,\"taxability\":\"taxable\","
                + "\"updated_at\":" + occurredAt + ",\"pii_cleared\":\"active\",\"channel\":\"web\","
                + "\"resource_version\":" + resourceVersion + ",\"deleted\":false,\"object\":\"customer\","
                + "\"card_status\":\"no_card\",\"promotional_credits\":0,\"refundable_credits\":0,"
                + "\"excess_payments\":0,\"unbilled_charges\":0,\"preferred_currency_code\":\"USD\",\"mrr\":0}}}";
    }
}
