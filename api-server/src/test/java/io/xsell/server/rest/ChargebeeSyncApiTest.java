package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.ingestion.chargebee.fake.ChargebeeFakeServer;
import io.xsell.ingestion.chargebee.mapping.ChargebeeAmounts;
import io.xsell.ingestion.chargebee.synthetic.SyntheticChargebeeAccount;
import io.xsell.ingestion.csv.CanonicalCsvWriter;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.server.chargebee.ChargebeeSyncService;
import io.xsell.server.fixture.Zips;
import io.xsell.server.persistence.Dialect;
import io.xsell.server.tenant.TenantAdministration;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Chargebee connections end to end on the real server against cbadapter's WireMock double of a
 * generated site (2,000 customers): connect through the shared endpoints, the scheduled backfill,
 * metrics equal to the CSV import of the same account to the cent, webhooks refused without the
 * connection's credentials, and another tenant's view of the connection (404 everywhere).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ChargebeeSyncApiTest {
    static final String KEY = "test_cbserverSyncKey9876";
    static final String MASTER_KEY = "q5v4Yq3m7Cq4hX0rV9h0Qd8xJm1L2p3N4o5P6q7R8s8=";
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    static final String WINDOW = "from=2025-11-01&to=2026-11-01";
    static final SyntheticChargebeeAccount ACCOUNT = SyntheticChargebeeAccount.of(SyntheticAccountGenerator.generate(
            new SyntheticAccountSpec(20261204L, 2000, LocalDate.of(2025, 7, 1), AS_OF, "USD")), AS_OF, 11L);

    private String key;
    private String connectionId;

    abstract XsellApp app();

    abstract ChargebeeFakeServer chargebee();

    /** The whole site as of the day after {@link #AS_OF}: the backfill alone reads all of it. */
    static ChargebeeFakeServer chargebeeDouble() {
        return new ChargebeeFakeServer(ACCOUNT, ChargebeeAmounts.epoch(AS_OF.plusDays(1)), KEY);
    }

    @org.junit.jupiter.api.AfterAll
    void closeChargebee() {
        chargebee().close();
    }

    static XsellApp server(Dialect dialect, ChargebeeFakeServer chargebee) {
        return XsellApp.on(dialect)
                .with("chargebee.apiBase", chargebee.baseUri().toString())
                .with("chargebee.requestsPerSecond", "2000")
                .with("masterKey", MASTER_KEY)
                .with("scheduler.pollingInterval", "100ms");
    }

    @BeforeAll
    void tenant() {
        key = app().createTenant("chargebee").apiKey();
    }

    private ApiResponse postJson(String path, String apiKey, Object body) {
        try {
            return app().post(path, apiKey, "application/json", ApiResponse.JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Jdbi jdbi() {
        return app().instance(Jdbi.class);
    }

    private ApiResponse webhook(String authorization) {
        return webhook(connectionId, authorization);
    }

    private ApiResponse webhook(String connection, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app().uri("/v1/webhooks/chargebee/" + connection))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"ev_forged_1\",\"occurred_at\":1790000000,"
                        + "\"object\":\"event\",\"api_version\":\"v2\",\"event_type\":\"customer_changed\",\"content\":{}}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return app().send(request.build());
    }

    private long events() {
        return events(connectionId);
    }

    private long events(String connection) {
        return jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM provider_events WHERE connection_id = ?")
                .bind(0, connection).mapTo(Long.class).one());
    }

    /** The other tenant's own Chargebee connection (same site), with its own webhook credentials. */
    private String otherConnectionId;

    @Test
    @Order(1)
    void connectingChecksTheKeyStoresItSealedAndAnswersWithTheProvider() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("site", "acme-test");
        body.put("api_key", KEY);
        body.put("reporting_currency", "USD");
        body.put("webhook_username", "xsell");
        body.put("webhook_password", "hook-pass-2026");
        body.put("fx_rates", FxRatesBody.of(ACCOUNT.canonical().rates()));

        JsonNode invalid = postJson("/v1/connections/chargebee", key, Map.of("site", "Not A Site", "api_key", "sk_x",
                "reporting_currency", "USD", "webhook_username", "only-half")).expectProblem(422);
        assertThat(ApiResponse.list(invalid.path("errors"))).extracting(e -> e.path("field").asText())
                .contains("site", "api_key", "webhook_password");

        ApiResponse created = postJson("/v1/connections/chargebee", key, body);
        JsonNode connection = created.expectJson(201);
        connectionId = connection.path("id").asText();
        assertThat(connection.path("provider").asText()).isEqualTo("chargebee");
        assertThat(connection.path("site").asText()).isEqualTo("acme-test");
        assertThat(connection.path("webhook_url").asText()).isEqualTo("/v1/webhooks/chargebee/" + connectionId);
        assertThat(created.text()).doesNotContain(KEY).doesNotContain("hook-pass-2026");
        Map<String, Object> row = jdbi().withHandle(h -> h.createQuery("SELECT * FROM provider_connections WHERE id = ?")
                .bind(0, connectionId).mapToMap().one());
        assertThat(row.toString()).doesNotContain(KEY).doesNotContain("hook-pass-2026");
        assertThat(app().get("/v1/connections", key).expectJson(200).get(0).path("provider").asText())
                .isEqualTo("chargebee");
    }

    @Test
    @Order(2)
    void anotherTenantFindsNoneOfItAndWebhooksWithoutTheCredentialsStoreNothing() {
        String other = app().createTenant("chargebee-other").apiKey();
        app().get("/v1/connections/" + connectionId, other).expectProblem(404);
        app().get("/v1/connections/" + connectionId + "/syncs", other).expectProblem(404);
        app().post("/v1/connections/" + connectionId + "/syncs", other, "application/json", new byte[0]).expectProblem(404);
        app().send(app().request("/v1/connections/" + connectionId, other).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"fx_rates\":[]}")).build()).expectProblem(404);
        assertThat(app().get("/v1/connections", other).expectJson(200).size()).isZero();

        assertThat(webhook(null).status()).isEqualTo(401);
        assertThat(webhook(basic("xsell", "wrong")).status()).isEqualTo(401);
        assertThat(webhook("Bearer " + KEY).status()).isEqualTo(401);
        assertThat(events()).isZero();

        // another tenant's connection of the same site with its own webhook credentials (stored as the
        // connect endpoint stores it, without scheduling a second backfill of the site): they open
        // its connection's URL only, and this connection's credentials open only this one
        TenantAdministration.IssuedKey otherTenant = app().createTenant("chargebee-hooks");
        otherConnectionId = app().instance(ChargebeeSyncService.class).connect(otherTenant.tenant().id(), "acme-test",
                KEY, "other-hook", "other-pass-2026", "USD", Map.of(), List.of()).id();
        assertThat(webhook(connectionId, basic("other-hook", "other-pass-2026")).status()).isEqualTo(401);
        assertThat(webhook(otherConnectionId, basic("xsell", "hook-pass-2026")).status()).isEqualTo(401);
        assertThat(webhook(connectionId, basic("xsell", "other-pass-2026")).status()).isEqualTo(401);
        assertThat(events()).isZero();
        assertThat(events(otherConnectionId)).isZero();
        app().get("/v1/connections/" + otherConnectionId, key).expectProblem(404);
        app().get("/v1/connections/" + connectionId, otherTenant.apiKey()).expectProblem(404);
    }

    @Test
    @Order(3)
    void theScheduledBackfillGivesTheMetricsOfTheCsvImportToTheCent(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode syncs = app().get("/v1/connections/" + connectionId + "/syncs", key).expectJson(200).path("syncs");
            return syncs.size() > 0 && !syncs.get(0).path("state").asText().equals("running");
        });
        JsonNode backfill = app().get("/v1/connections/" + connectionId + "/syncs", key).expectJson(200)
                .path("syncs").get(0);
        assertThat(backfill.path("kind").asText()).isEqualTo("backfill");
        assertThat(backfill.path("state").asText()).as(backfill.toString()).isEqualTo("succeeded");
        assertThat(backfill.path("counts").path("customers").asLong()).as(backfill.toString())
                .isEqualTo(ACCOUNT.canonical().customers().size());

        String csvKey = app().createTenant("chargebee-csv").apiKey();
        CanonicalCsvWriter.write(ACCOUNT.canonical(), dir);
        app().postZip(csvKey, Zips.folder(dir)).expectJson(201);
        for (String query : List.of("/v1/metrics/cross-sell?" + WINDOW, "/v1/metrics/cross-sell?" + WINDOW
                + "&segment_by=segment", "/v1/metrics/movements?" + WINDOW + "&granularity=month")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(app().get(query, key).expectJson(200)).isEqualTo(app().get(query, csvKey).expectJson(200)));
        }
        assertThat(Files.readString(app().requestLog())).doesNotContain(KEY);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

}
