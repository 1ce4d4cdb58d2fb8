package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonObject;
import io.xsell.ingestion.chargebee.fake.ChargebeeFakeServer;
import io.xsell.ingestion.chargebee.mapping.ChargebeeAmounts;
import io.xsell.ingestion.chargebee.synthetic.SyntheticChargebeeAccount;
import io.xsell.ingestion.csv.CanonicalCsvWriter;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.server.fixture.SettableClock;
import io.xsell.server.fixture.Zips;
import io.xsell.server.persistence.Dialect;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chargebee site's history and later changes reach {@code GET /v1/metrics/cross-sell} through the
 * real server, step by step, each step ending equal to the CSV import of the same generated
 * 1,000-customer account (2,000 in ChargebeeSyncApiTest; fewer here, as the webhook step rebuilds it
 * many times) to the cent: (a) the first backfill, of the site as it stood at
 * {@link #BACKFILL_AT}, is cut off by a refused key midway through the invoices; (b) a sync resumes
 * it from its checkpoints without reading the finished lists again; (c) with the server's clock
 * moved on, a sync reads the Events API from the backfill's {@code occurred_at} cursor up to
 * {@link #EVENTS_UNTIL}; (d) everything later arrives only by webhooks, each event delivered twice
 * (neighbours swapped, then in reverse) with the connection's basic-auth credentials, among forged
 * bodies that change nothing since each event is fetched again from Chargebee. Windows that end
 * before a step's changes equal the CSV after the earlier step already and never move.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ChargebeeIncrementalApiTest {
    static final String KEY = "test_cbIncrementalKey4321";
    static final String HOOK_USER = "xsell-hooks";
    static final String HOOK_PASSWORD = "incremental-hook-pass-18";
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    static final LocalDate BACKFILL_AT = LocalDate.of(2026, 6, 1);
    static final LocalDate EVENTS_UNTIL = LocalDate.of(2026, 10, 15);
    static final SyntheticChargebeeAccount ACCOUNT = SyntheticChargebeeAccount.of(SyntheticAccountGenerator.generate(
            new SyntheticAccountSpec(20261204L, 1000, LocalDate.of(2025, 7, 1), AS_OF, "USD")), AS_OF, 18L);
    /** Invoice pages read before the key is refused in step (a). */
    static final int INVOICE_PAGES_BEFORE_REFUSAL = 3;

    static final List<String> BEFORE_BACKFILL = List.of(window("2025-08-01", "2025-09-01"),
            window("2025-11-01", "2026-05-01"));
    static final List<String> BEFORE_WEBHOOKS = List.of(window("2026-05-01", "2026-09-01"),
            window("2025-11-01", "2026-10-01"), window("2026-07-01", "2026-10-01"));
    static final List<String> ALL = Stream.of(BEFORE_BACKFILL, BEFORE_WEBHOOKS, List.of(
            window("2025-11-01", "2026-11-01"), window("2026-08-01", "2026-11-01"),
            window("2026-10-01", "2026-11-01"))).flatMap(List::stream).toList();

    private final List<String> requested = new CopyOnWriteArrayList<>();
    private String key;
    private String csvKey;
    private String connectionId;
    private String backfillRun;

    abstract XsellApp app();

    abstract ChargebeeFakeServer chargebee();

    abstract SettableClock clock();

    static String window(String from, String to) {
        return "/v1/metrics/cross-sell?from=" + from + "&to=" + to + "&segment_by=segment";
    }

    static SettableClock clockAt(LocalDate day) {
        return new SettableClock(Instant.ofEpochSecond(ChargebeeAmounts.epoch(day)));
    }

    /** The site as it stood when the backfill starts; later versions are published as events by the steps. */
    static ChargebeeFakeServer chargebeeDouble() {
        return new ChargebeeFakeServer(ACCOUNT, ChargebeeAmounts.epoch(BACKFILL_AT), KEY);
    }

    /** The server with the test's clock: the backfill's start, and so its event cursor, is the clock's. */
    static XsellApp server(Dialect dialect, ChargebeeFakeServer chargebee, SettableClock clock) {
        return XsellApp.on(dialect)
                .hook(builder -> builder.modulesOverride(binder -> binder.bind(Clock.class).toInstance(clock)))
                .with("chargebee.apiBase", chargebee.baseUri().toString())
                .with("chargebee.requestsPerSecond", "2000")
                .with("chargebee.syncInterval", "1h")
                .with("masterKey", ChargebeeSyncApiTest.MASTER_KEY)
                .with("scheduler.pollingInterval", "100ms");
    }

    @AfterAll
    void closeChargebee() {
        chargebee().close();
    }

    @BeforeAll
    void tenants(@TempDir Path dir) throws IOException {
        key = app().createTenant("cb-incremental").apiKey();
        csvKey = app().createTenant("cb-incremental-csv").apiKey();
        CanonicalCsvWriter.write(ACCOUNT.canonical(), dir);
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path file : paths.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        app().postZip(csvKey, Zips.zip(files)).expectJson(201);
    }

    @Test
    @Order(1)
    void aBackfillCutOffByARefusedKeyFailsAndSaysWhy() {
        AtomicInteger invoicePages = new AtomicInteger();
        chargebee().faults((n, url) -> {
            requested.add(url);
            if (url.startsWith("/api/v2/invoices") && invoicePages.incrementAndGet() > INVOICE_PAGES_BEFORE_REFUSAL) {
                return Optional.of(ChargebeeFakeServer.error(401, null, "api_authentication_failed",
                        "Sorry, authentication failed. Invalid api key"));
            }
            return Optional.empty();
        });
        connectionId = post("/v1/connections/chargebee", key, connectBody()).expectJson(201).path("id").asText();

        JsonNode run = awaitRunEnded(0);
        backfillRun = run.path("id").asText();
        assertThat(run.path("kind").asText()).isEqualTo("backfill");
        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("failed");
        assertThat(run.path("errors").toString()).contains("authentication failed");
        assertThat(invoicePages.get()).isEqualTo(INVOICE_PAGES_BEFORE_REFUSAL + 1);
        assertThat(run.path("counts").path("customers").asLong()).isEqualTo(customersAtBackfill());
        assertThat(run.path("counts").path("invoices").asLong()).isEqualTo(INVOICE_PAGES_BEFORE_REFUSAL * 100L);
        // nothing whole to show yet: the tenant has no data from the connection
        String plain = "/v1/metrics/cross-sell?from=2025-11-01&to=2026-05-01";
        assertThat(app().get(plain, key).expectJson(200)).isNotEqualTo(app().get(plain, csvKey).expectJson(200));
    }

    @Test
    @Order(2)
    void aSyncResumesTheBackfillFromItsCheckpointsAndThePastEqualsTheCsv() {
        chargebee().faults((n, url) -> {
            requested.add(url);
            return Optional.empty();
        });
        requested.clear();
        syncNow();

        JsonNode run = awaitRunEnded(0);
        assertThat(run.path("id").asText()).as("the same run, resumed").isEqualTo(backfillRun);
        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.path("counts").path("customers").asLong()).isEqualTo(customersAtBackfill());
        assertThat(run.path("counts").path("invoices").asLong())
                .isEqualTo(ACCOUNT.asOf("invoice", ChargebeeAmounts.epoch(BACKFILL_AT)).size());
        assertThat(requested).as("finished lists are not read again").noneMatch(url -> url.startsWith("/api/v2/customers")
                || url.startsWith("/api/v2/subscriptions") || url.startsWith("/api/v2/items"));
        assertThat(requested).filteredOn(url -> url.startsWith("/api/v2/invoices")).first().asString()
                .as("the invoices resume after the last stored page").contains("offset=");
        assertEqualToCsv(BEFORE_BACKFILL);
    }

    @Test
    @Order(3)
    void theEventsApiFromTheCursorBringsTheChangesUpToItsDayAndThePastDoesNotMove() {
        clock().advance(Duration.ofSeconds(ChargebeeAmounts.epoch(EVENTS_UNTIL) - ChargebeeAmounts.epoch(BACKFILL_AT)));
        chargebee().publishUntil(ChargebeeAmounts.epoch(EVENTS_UNTIL));
        int published = chargebee().publishedEvents().size();
        assertThat(published).isGreaterThan(200);
        syncNow();

        JsonNode run = awaitRunEnded(1);
        assertThat(run.path("kind").asText()).isEqualTo("incremental");
        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.path("counts").path("new_events").asLong()).isEqualTo(published);
        assertThat(Instant.parse(run.path("started_at").asText())).as("the run is dated by the server's clock")
                .isAfterOrEqualTo(Instant.ofEpochSecond(ChargebeeAmounts.epoch(EVENTS_UNTIL)))
                .isBefore(Instant.ofEpochSecond(ChargebeeAmounts.epoch(EVENTS_UNTIL)).plus(Duration.ofDays(1)));
        assertThat(events()).isEqualTo(published);
        assertEqualToCsv(BEFORE_BACKFILL);
        assertEqualToCsv(BEFORE_WEBHOOKS);
    }

    @Test
    @Order(4)
    void webhooksTwiceAndOutOfOrderAmongForgedBodiesBringTheRestAndEveryWindowEqualsTheCsv() throws Exception {
        int before = chargebee().publishedEvents().size();
        clock().advance(Duration.ofSeconds(ChargebeeAmounts.epoch(AS_OF.plusDays(1)) - clock().instant().getEpochSecond()));
        chargebee().publishUntil(Long.MAX_VALUE);
        List<JsonObject> all = chargebee().publishedEvents();
        List<String> later = all.subList(before, all.size()).stream().map(JsonObject::toString).toList();
        assertThat(later).hasSizeGreaterThan(50);

        // a forged body naming a real event: taken only as Chargebee returns it
        JsonObject forged = all.get(before).deepCopy();
        forged.addProperty("occurred_at", 1);
        forged.add("content", new JsonObject());
        forged.getAsJsonObject("content").addProperty("forged", "FORGED-CONTENT");
        String forgedId = forged.get("id").getAsString();
        assertThat(webhook(forged.toString(), basic(HOOK_USER, HOOK_PASSWORD)).expectJson(200).path("status").asText())
                .isEqualTo("received");
        // an id Chargebee never sent, and a genuine body without the credentials: refused, nothing stored
        assertThat(webhook("{\"id\":\"ev_forged_never_sent\",\"event_type\":\"subscription_cancelled\",\"content\":{}}",
                basic(HOOK_USER, HOOK_PASSWORD)).status()).isEqualTo(400);
        assertThat(webhook(later.get(1), basic(HOOK_USER, "guessed")).status()).isEqualTo(401);
        assertThat(webhook(later.get(1), null).status()).isEqualTo(401);

        deliverTwiceOutOfOrder(later);

        assertThat(events()).isEqualTo(all.size());
        String stored = app().instance(Jdbi.class).withHandle(h -> h.createQuery(
                        "SELECT payload FROM provider_events WHERE connection_id = ? AND event_id = ?")
                .bind(0, connectionId).bind(1, forgedId).mapTo(String.class).one());
        assertThat(stored).doesNotContain("FORGED-CONTENT").contains(forgedId);
        assertEqualToCsv(ALL);
        assertThat(Files.readString(app().requestLog())).doesNotContain(KEY).doesNotContain(HOOK_PASSWORD);
    }

    /** The customers the site had when the backfill read it (the rest sign up later). */
    private static long customersAtBackfill() {
        return ACCOUNT.asOf("customer", ChargebeeAmounts.epoch(BACKFILL_AT)).size();
    }

    private void deliverTwiceOutOfOrder(List<String> events) throws Exception {
        List<String> twice = Redeliveries.twiceOutOfOrder(events, 18);
        List<String> first = twice.subList(0, events.size());
        List<String> second = twice.subList(events.size(), twice.size());
        String authorization = basic(HOOK_USER, HOOK_PASSWORD);
        for (List<String> round : List.of(first, second)) {
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (String payload : round) {
                    answers.add(senders.submit(() -> webhook(payload, authorization).expectJson(200).path("status")
                            .asText()));
                }
                for (Future<String> answer : answers) {
                    assertThat(answer.get()).isIn("received", "duplicate");
                }
            } finally {
                senders.shutdown();
            }
        }
    }

    private ApiResponse webhook(String payload, String authorization) {
        HttpRequest.Builder request = app().request("/v1/webhooks/chargebee/" + connectionId, null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return app().send(request.build());
    }

    private void syncNow() {
        app().post("/v1/connections/" + connectionId + "/syncs", key, "application/json", new byte[0]).expectJson(202);
    }

    /** The newest run once {@code earlier} runs precede it and it has ended. */
    private JsonNode awaitRunEnded(int earlier) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<JsonNode> runs = syncs();
            return runs.size() == earlier + 1 && !runs.get(0).path("state").asText().equals("running");
        });
        return syncs().get(0);
    }

    private List<JsonNode> syncs() {
        return ApiResponse.list(app().get("/v1/connections/" + connectionId + "/syncs", key).expectJson(200)
                .path("syncs"));
    }

    private long events() {
        return app().instance(Jdbi.class).withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM provider_events WHERE connection_id = ?").bind(0, connectionId)
                .mapTo(Long.class).one());
    }

    private void assertEqualToCsv(List<String> windows) {
        for (String query : windows) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(app().get(query, key).expectJson(200)).as(query)
                            .isEqualTo(app().get(query, csvKey).expectJson(200)));
        }
    }

    private ApiResponse post(String path, String apiKey, Object body) {
        try {
            return app().post(path, apiKey, "application/json", ApiResponse.JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> connectBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("site", "acme-test");
        body.put("api_key", KEY);
        body.put("reporting_currency", "USD");
        body.put("webhook_username", HOOK_USER);
        body.put("webhook_password", HOOK_PASSWORD);
        body.put("fx_rates", FxRatesBody.of(ACCOUNT.canonical().rates()));
        return body;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
