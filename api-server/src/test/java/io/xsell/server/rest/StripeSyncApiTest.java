package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.xsell.ingestion.csv.CanonicalCsvWriter;
import io.xsell.ingestion.stripe.StripeObjectType;
import io.xsell.ingestion.stripe.fake.FakeStripeServer;
import io.xsell.ingestion.stripe.synthetic.StripeFakeObject;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.server.fixture.Zips;
import io.xsell.server.persistence.Dialect;
import io.xsell.server.stripe.StripeSyncService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Stripe connections end to end on the real server, against a Stripe double serving a generated
 * account of 2,000 customers: connect, the scheduled backfill, metrics equal to the CSV import of
 * the same account, webhooks, incremental sync from the Events API, the 30-day fallback and a
 * backfill cut off mid-way and resumed. Runs once per database (see the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class StripeSyncApiTest {
    static final String STRIPE_KEY = "rk_test_51XsellSyncKey4242";
    static final String WEBHOOK_SECRET = "whsec_test_secret_for_xsell";
    static final String MASTER_KEY = "q5v4Yq3m7Cq4hX0rV9h0Qd8xJm1L2p3N4o5P6q7R8s8=";
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    static final String WINDOW = "from=2025-11-01&to=2026-11-01";
    static final SyntheticStripeAccount ACCOUNT = SyntheticStripeAccount.of(SyntheticAccountGenerator.generate(
            new SyntheticAccountSpec(20261122L, 2000, LocalDate.of(2025, 7, 1), AS_OF, "USD")), AS_OF, 7L);

    private String key;
    private String csvKey;
    private String connectionId;

    abstract XsellApp app();

    /** Each database's run has its own double: events published by one run must not reach the other. */
    abstract FakeStripeServer stripe();

    static FakeStripeServer stripeDouble() {
        return new FakeStripeServer(ACCOUNT, STRIPE_KEY);
    }

    @org.junit.jupiter.api.AfterAll
    void closeStripe() {
        stripe().close();
    }

    static XsellApp server(Dialect dialect, FakeStripeServer stripe) {
        return XsellApp.on(dialect)
                .with("stripe.apiBase", stripe.baseUrl())
                .with("stripe.masterKey", MASTER_KEY)
                .with("stripe.initialBackoff", "5ms")
                .with("stripe.maxBackoff", "50ms")
                .with("stripe.testModeRate", "2000")
                .with("stripe.backfillSlices", "8")
                .with("stripe.syncInterval", "1h")
                .with("scheduler.pollingInterval", "100ms");
    }

    @BeforeAll
    void tenant() {
        key = app().createTenant("stripe").apiKey();
    }

    private ApiResponse postJson(String path, String apiKey, Object body) {
        try {
            return app().post(path, apiKey, "application/json", ApiResponse.JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> connectBody(String apiKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_key", apiKey);
        body.put("reporting_currency", "USD");
        body.put("webhook_secret", WEBHOOK_SECRET);
        body.put("fx_rates", FxRatesBody.of(ACCOUNT.canonical().rates()));
        return body;
    }

    private JsonNode latestSync() {
        return app().get("/v1/connections/" + connectionId + "/syncs", key).expectJson(200).path("syncs").get(0);
    }

    private JsonNode awaitSync(String kind, int runsBefore) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode syncs = app().get("/v1/connections/" + connectionId + "/syncs", key).expectJson(200).path("syncs");
            return syncs.size() > runsBefore && !syncs.get(0).path("state").asText().equals("running");
        });
        JsonNode sync = latestSync();
        assertThat(sync.path("kind").asText()).isEqualTo(kind);
        return sync;
    }

    private int runs() {
        return app().get("/v1/connections/" + connectionId + "/syncs", key).expectJson(200).path("syncs").size();
    }

    private Jdbi jdbi() {
        return app().instance(Jdbi.class);
    }

    @Test
    @Order(1)
    void aKeyStripeRefusesIsA422OnApiKeyAndNothingIsStored() {
        JsonNode problem = postJson("/v1/connections/stripe", key, connectBody("rk_test_refusedByStripe")).expectProblem(422);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("api_key");
        JsonNode invalid = postJson("/v1/connections/stripe", key,
                Map.of("api_key", "pk_test_public", "reporting_currency", "EUR",
                        "fx_rates", List.of(Map.of("date", "2025-13-01", "currency", "EUR", "rate", "1.1")))).expectProblem(422);
        assertThat(ApiResponse.list(invalid.path("errors"))).extracting(e -> e.path("field").asText())
                .contains("api_key", "reporting_currency", "fx_rates[0].date");
        long connections = jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM provider_connections")
                .mapTo(Long.class).one());
        assertThat(connections).isZero();
    }

    @Test
    @Order(2)
    void connectingStoresTheKeyEncryptedAndTheScheduledBackfillMatchesTheCsvImportToTheCent(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        ApiResponse created = postJson("/v1/connections/stripe", key, connectBody(STRIPE_KEY));
        JsonNode connection = created.expectJson(201);
        connectionId = connection.path("id").asText();
        assertThat(created.text()).doesNotContain(STRIPE_KEY).doesNotContain(WEBHOOK_SECRET);
        assertThat(connection.path("key_hint").asText()).isEqualTo("…4242");
        assertThat(connection.path("webhook_url").asText()).isEqualTo("/v1/webhooks/stripe/" + connectionId);
        assertThat(app().get("/v1/connections/" + connectionId, key).text()).doesNotContain(STRIPE_KEY);

        // at rest: only ciphertext, which opens with the master key for this row only
        Map<String, Object> row = jdbi().withHandle(h -> h.createQuery("SELECT * FROM provider_connections WHERE id = ?")
                .bind(0, connectionId).mapToMap().one());
        assertThat(row.toString()).doesNotContain(STRIPE_KEY).doesNotContain(WEBHOOK_SECRET);
        StripeSyncService sync = app().instance(StripeSyncService.class);
        assertThat(sync.box().open((String) row.get("key_ciphertext"), connectionId)).isEqualTo(STRIPE_KEY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sync.box().open((String) row.get("key_ciphertext"), "conn_other"))
                .isInstanceOf(IllegalStateException.class);

        JsonNode backfill = awaitSync("backfill", 0);
        assertThat(backfill.path("state").asText()).as(backfill.toString()).isEqualTo("succeeded");
        long expected = Stream.of(StripeObjectType.values()).mapToLong(t -> ACCOUNT.objects(t).size()).sum();
        assertThat(backfill.path("progress").path("done").asLong()).isEqualTo(expected);
        assertThat(backfill.path("counts").path("invoice").asLong()).isEqualTo(ACCOUNT.objects(StripeObjectType.INVOICE).size());
        assertThat(backfill.path("counts").path("customer").asLong())
                .isEqualTo(ACCOUNT.objects(StripeObjectType.CUSTOMER).size()).isGreaterThanOrEqualTo(2000);

        // the same account imported as canonical CSV by another tenant answers the same, to the cent
        csvKey = app().createTenant("csv").apiKey();
        CanonicalCsvWriter.write(ACCOUNT.canonical(), dir);
        app().postZip(csvKey, Zips.folder(dir)).expectJson(201);
        for (String query : List.of("/v1/metrics/cross-sell?" + WINDOW + "&segment_by=segment",
                "/v1/metrics/movements?" + WINDOW + "&granularity=month", "/v1/metrics/penetration?date=2026-10-31")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(app().get(query, key).expectJson(200)).isEqualTo(app().get(query, csvKey).expectJson(200)));
        }
        // the key never reached a log
        assertThat(Files.readString(app().requestLog())).doesNotContain(STRIPE_KEY);
    }

    private ApiResponse patch(String body) {
        return app().send(app().request("/v1/connections/" + connectionId, key).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    @Order(3)
    void settingsAreChangedOnlyWhenTheAccountMapsWithThemAndTakeEffectAtOnce() {
        int rates = ACCOUNT.canonical().rates().size();
        // without rates the EUR and GBP prices cannot be converted: refused, nothing changes
        JsonNode refused = patch("{\"fx_rates\": []}").expectProblem(422);
        assertThat(refused.path("errors").toString()).contains("no EUR rate");
        assertThat(app().get("/v1/connections/" + connectionId, key).expectJson(200).path("fx_rates").asInt()).isEqualTo(rates);

        JsonNode renamed = patch("{\"product_lines\": {\"prod_analytics\": {\"product_line\": \"insights\"}}}").expectJson(200);
        assertThat(renamed.path("product_lines").path("prod_analytics").path("product_line").asText()).isEqualTo("insights");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(app().get("/v1/metrics/penetration?date=2026-10-31", key).text())
                        .contains("\"insights\"").doesNotContain("\"analytics\""));

        patch("{\"product_lines\": {}}").expectJson(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(app().get("/v1/metrics/penetration?date=2026-10-31", key).expectJson(200))
                        .isEqualTo(app().get("/v1/metrics/penetration?date=2026-10-31", csvKey).expectJson(200)));
    }

    static String sign(String payload, long timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        return "t=" + timestamp + ",v1=" + signature;
    }

    private ApiResponse deliver(String payload, String signature) {
        var request = app().request("/v1/webhooks/stripe/" + connectionId, null).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return app().send(request.build());
    }

    private long storedEvents() {
        return jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM provider_events WHERE connection_id = ?")
                .bind(0, connectionId).mapTo(Long.class).one());
    }

    private String storedObject(String type, String id) {
        return jdbi().withHandle(h -> h.createQuery("SELECT payload FROM provider_objects WHERE connection_id = ? "
                        + "AND object_type = ? AND object_id = ?").bind(0, connectionId).bind(1, type).bind(2, id)
                .mapTo(String.class).one());
    }

    /** The first active subscription of the account, changed to {@code quantity} seats. */
    private static String subscriptionWithQuantity(long quantity) {
        StripeFakeObject subscription = ACCOUNT.objects(StripeObjectType.SUBSCRIPTION).stream()
                .filter(o -> o.json().contains("\"status\":\"active\"") && !o.json().contains("cancel_at_period_end\":true"))
                .findFirst().orElseThrow();
        JsonObject json = JsonParser.parseString(subscription.json()).getAsJsonObject();
        json.getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject().addProperty("quantity", quantity);
        json.add("metadata", JsonParser.parseString("{\"seen\":\"" + quantity + "\"}"));
        return json.toString();
    }

    @Test
    @Order(4)
    void webhooksAreVerifiedStoredOnceAndAppliedIndependentlyOfOrder() throws Exception {
        long now = Instant.now().getEpochSecond();
        String newer = FakeStripeServer.eventJson("evt_wh_newer", "customer.subscription.updated", now + 20, subscriptionWithQuantity(7));
        String older = FakeStripeServer.eventJson("evt_wh_older", "customer.subscription.updated", now + 10, subscriptionWithQuantity(3));
        String subscriptionId = JsonParser.parseString(newer).getAsJsonObject().getAsJsonObject("data")
                .getAsJsonObject("object").get("id").getAsString();
        long before = storedEvents();

        // refused: no signature, a wrong secret, a stale timestamp, a payload altered after signing
        deliver(newer, null).expectProblem(400);
        deliver(newer, sign(newer, now, "whsec_wrong")).expectProblem(400);
        deliver(newer, sign(newer, now - 3600, WEBHOOK_SECRET)).expectProblem(400);
        deliver(newer.replaceAll("\"quantity\": ?7\\b", "\"quantity\": 700"), sign(newer, now, WEBHOOK_SECRET)).expectProblem(400);
        assertThat(storedEvents()).as("nothing of a refused delivery is stored").isEqualTo(before);
        assertThat(storedObject("subscription", subscriptionId)).doesNotContain("\"seen\"");

        // the newer state first, then the older one, then the newer one again
        assertThat(deliver(newer, sign(newer, now, WEBHOOK_SECRET)).expectJson(200).path("status").asText()).isEqualTo("received");
        assertThat(deliver(older, sign(older, now, WEBHOOK_SECRET)).expectJson(200).path("status").asText()).isEqualTo("received");
        assertThat(deliver(newer, sign(newer, now, WEBHOOK_SECRET)).expectJson(200).path("status").asText()).isEqualTo("duplicate");
        assertThat(storedEvents()).isEqualTo(before + 2);
        assertThat(storedObject("subscription", subscriptionId)).contains("\"seen\":\"7\"");
    }

    @Test
    @Order(5)
    void incrementalSyncAppliesNewEventsOnceEvenWhenWebhooksDeliveredThemFirst() throws Exception {
        long now = Instant.now().getEpochSecond();
        // a subscription canceled now: its MRR ends; the event is also delivered by webhook first
        StripeFakeObject active = ACCOUNT.objects(StripeObjectType.SUBSCRIPTION).stream()
                .filter(o -> o.json().contains("\"status\":\"active\"") && o.json().contains("\"cancel_at\":null")
                        && o.created() < 1788220800L)
                .skip(5).findFirst().orElseThrow();
        JsonObject canceled = JsonParser.parseString(active.json()).getAsJsonObject();
        canceled.addProperty("status", "canceled");
        canceled.addProperty("ended_at", 1790812800L); // 2026-10-01
        canceled.addProperty("canceled_at", 1790812800L);
        stripe().addEvent("evt_inc_cancel", "customer.subscription.deleted", now + 30, canceled.toString());
        stripe().addEvent("evt_wh_newer", "customer.subscription.updated", now + 20, subscriptionWithQuantity(7));
        String endingBefore = app().get("/v1/metrics/cross-sell?" + WINDOW, key).expectJson(200).path("ending_mrr").asText();
        deliver(stripe().event("evt_inc_cancel"), sign(stripe().event("evt_inc_cancel"), now, WEBHOOK_SECRET)).expectJson(200);
        long eventsBefore = storedEvents();

        int runs = runs();
        app().post("/v1/connections/" + connectionId + "/syncs", key, "application/json", new byte[0]).expectJson(202);
        JsonNode incremental = awaitSync("incremental", runs);
        assertThat(incremental.path("state").asText()).as(incremental.toString()).isEqualTo("succeeded");
        assertThat(incremental.path("counts").path("events").asLong()).isEqualTo(2);
        assertThat(incremental.path("counts").path("new_events").asLong()).as("both were delivered by webhook").isZero();
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(storedObject("subscription", canceled.get("id").getAsString())).contains("\"status\":\"canceled\"");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(app().get("/v1/metrics/cross-sell?" + WINDOW, key).expectJson(200).path("ending_mrr").asText())
                        .isNotEqualTo(endingBefore));
    }

    @Test
    @Order(6)
    void aCursorOlderThanStripesEventWindowFallsBackToAFullResync() {
        jdbi().useHandle(h -> h.createUpdate("UPDATE provider_connections SET event_cursor_created = ? WHERE id = ?")
                .bind(0, Instant.now().getEpochSecond() - 31L * 86_400).bind(1, connectionId).execute());
        int runs = runs();
        app().post("/v1/connections/" + connectionId + "/syncs", key, "application/json", new byte[0]).expectJson(202);
        JsonNode resync = awaitSync("resync", runs);
        assertThat(resync.path("state").asText()).as(resync.toString()).isEqualTo("succeeded");
        assertThat(resync.path("progress").path("estimated").asLong()).as("the last backfill's size").isPositive();
    }

    @Test
    @Order(7)
    void aBackfillCutOffAfterSomePagesResumesFromItsCheckpointWithNothingLostOrDoubled() {
        String secondKey = app().createTenant("stripe-resume").apiKey();
        String savedKey = key;
        String savedConnection = connectionId;
        try {
            key = secondKey;
            // the 40th request from now is refused for good (a 400 is never retried): the backfill stops there
            int base = stripe().requests();
            stripe().faults((n, url) -> n == base + 40 ? Optional.of(FakeStripeServer.error(400, "parameter_invalid", "boom"))
                    : Optional.empty());
            connectionId = postJson("/v1/connections/stripe", key, connectBody(STRIPE_KEY)).expectJson(201).path("id").asText();
            JsonNode failed = awaitSync("backfill", 0);
            assertThat(failed.path("state").asText()).isEqualTo("failed");
            assertThat(failed.path("errors").toString()).contains("HTTP 400");
            long doneBeforeResume = failed.path("progress").path("done").asLong();
            assertThat(doneBeforeResume).isPositive();
            stripe().faults(FakeStripeServer.FaultPlan.NONE);

            app().post("/v1/connections/" + connectionId + "/syncs", key, "application/json", new byte[0]).expectJson(202);
            await().atMost(Duration.ofMinutes(3)).until(() -> latestSync().path("state").asText().equals("succeeded"));
            JsonNode resumed = latestSync();
            assertThat(resumed.path("id").asText()).as("the same run, resumed").isEqualTo(failed.path("id").asText());
            long stored = (long) jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM provider_objects WHERE connection_id = ? "
                            + "AND object_type NOT IN ('subscription_item', 'discount', 'xsell.item_change')")
                    .bind(0, connectionId).mapTo(Long.class).one());
            assertThat(resumed.path("progress").path("done").asLong()).as("every object counted once").isEqualTo(stored);
            long expected = Stream.of(StripeObjectType.values()).mapToLong(t -> ACCOUNT.objects(t).size()).sum();
            assertThat(stored).isEqualTo(expected);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(app().get("/v1/metrics/cross-sell?from=2025-11-01&to=2026-10-01", key).expectJson(200))
                            .isEqualTo(app().get("/v1/metrics/cross-sell?from=2025-11-01&to=2026-10-01", csvKey)
                                    .expectJson(200)));
        } finally {
            stripe().faults(FakeStripeServer.FaultPlan.NONE);
            key = savedKey;
            connectionId = savedConnection;
        }
    }

    @Test
    @Order(8)
    void anInvoiceWebhookCutAtTenLinesIsCompletedFromItsLinesAndIsA503WhileStripeCannotBeRead() throws Exception {
        StripeFakeObject invoice = ACCOUNT.objects(StripeObjectType.INVOICE).stream()
                .filter(o -> lines(o.json()).size() > 10).findFirst().orElseThrow();
        long now = Instant.now().getEpochSecond();
        String payload = FakeStripeServer.eventJson("evt_wh_long_invoice", "invoice.updated", now, invoice.json());
        JsonObject embedded = JsonParser.parseString(payload).getAsJsonObject().getAsJsonObject("data")
                .getAsJsonObject("object").getAsJsonObject("lines");
        assertThat(embedded.getAsJsonArray("data")).as("Stripe embeds ten lines").hasSize(10);
        assertThat(embedded.get("has_more").getAsBoolean()).isTrue();
        long before = storedEvents();
        try {
            stripe().faults((n, url) -> url.contains("/lines")
                    ? Optional.of(FakeStripeServer.error(500, "api_error", "lines are down")) : Optional.empty());
            assertThat(deliver(payload, sign(payload, now, WEBHOOK_SECRET)).expectProblem(503).toString())
                    .contains("stripe-unavailable");
            assertThat(storedEvents()).as("nothing stored: Stripe delivers the event again").isEqualTo(before);
        } finally {
            stripe().faults(FakeStripeServer.FaultPlan.NONE);
        }
        assertThat(deliver(payload, sign(payload, now, WEBHOOK_SECRET)).expectJson(200).path("status").asText())
                .isEqualTo("received");
        assertThat(storedEvents()).isEqualTo(before + 1);
        assertThat(lines(storedObject("invoice", invoice.id()))).as("every line, read from the invoice's lines")
                .hasSize(lines(invoice.json()).size());
    }

    private static com.google.gson.JsonArray lines(String invoiceJson) {
        return JsonParser.parseString(invoiceJson).getAsJsonObject().getAsJsonObject("lines").getAsJsonArray("data");
    }
}
