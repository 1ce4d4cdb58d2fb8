package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.ingestion.csv.CanonicalCsvWriter;
import io.xsell.ingestion.stripe.fake.FakeStripeServer;
import io.xsell.ingestion.stripe.mapping.StripeAmounts;
import io.xsell.ingestion.stripe.synthetic.MultiItemCoverage;
import io.xsell.ingestion.stripe.synthetic.StripeFakeEvent;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.server.fixture.Zips;
import io.xsell.server.persistence.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route through the real server (SQLite, real migrations) against the Stripe double: three
 * tenants connect the same 2,000-customer account, served as it stands at a cut-off (the coming
 * midnight, with the events of the days before it on the Events API, as Stripe keeps them), and
 * backfill it.
 * Windows that end by the cut-off already equal the same account imported as canonical CSV by a
 * fourth tenant. Then everything that happened after the cut-off reaches each tenant by its route:
 * the Events API (a sync), webhooks signed with the endpoint secret (each delivered twice, the
 * first round with neighbours swapped, the second in reverse; an invoice of more than the ten lines
 * an event shows is completed from the invoice's lines before it is stored), or half by
 * webhooks and then a sync.
 * Afterwards {@code GET /v1/metrics/cross-sell} equals the CSV tenant's to the cent on every field
 * for every window, those ending before the cut-off included. The account's dates follow today's,
 * since the server versions objects and judges the event cursor's age (30 days) by the real clock;
 * the events are those of the three days after the cut-off (a few thousand), webhooks delivered by
 * four concurrent senders as Stripe's are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StripePathsApiTest {
    static final String STRIPE_KEY = "rk_test_51XsellPathsKey4242";
    static final String WEBHOOK_SECRET = "whsec_test_paths_secret";
    /**
     * The cut-off is the coming midnight: the backfill runs before it, so every event after it is
     * newer than what the backfill read, as in Stripe (the server versions objects by real time).
     */
    static final LocalDate CUT_OFF = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    static final LocalDate AS_OF = CUT_OFF.plusDays(3);
    static final SyntheticStripeAccount ACCOUNT = SyntheticStripeAccount.of(SyntheticAccountGenerator.generate(
            new SyntheticAccountSpec(20261122L, 2000, AS_OF.minusMonths(16), AS_OF, "USD")), AS_OF, 7L);
    static final long CUT = StripeAmounts.epoch(CUT_OFF);
    static final FakeStripeServer STRIPE = new FakeStripeServer(ACCOUNT.asOf(CUT), STRIPE_KEY);

    @RegisterExtension
    static final XsellApp APP = XsellApp.on(Dialect.SQLITE)
            .with("stripe.apiBase", STRIPE.baseUrl())
            .with("stripe.masterKey", StripeSyncApiTest.MASTER_KEY)
            .with("stripe.initialBackoff", "5ms")
            .with("stripe.maxBackoff", "50ms")
            .with("stripe.testModeRate", "2000")
            .with("stripe.backfillSlices", "8")
            .with("stripe.syncInterval", "1h")
            .with("scheduler.pollingInterval", "100ms");

    /** Windows that end by the cut-off: the backfill alone must already give the CSV's numbers. */
    static final List<String> PAST = List.of(
            window(CUT_OFF.minusMonths(12), CUT_OFF), window(CUT_OFF.minusMonths(3), CUT_OFF.minusMonths(1)));
    static final List<String> ALL = Stream.concat(PAST.stream(), Stream.of(
            window(CUT_OFF.minusMonths(12), AS_OF.plusDays(1)), window(CUT_OFF, AS_OF.plusDays(1)),
            window(AS_OF.minusMonths(1), AS_OF.plusDays(1)))).toList();

    private String csvKey;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, String> connections = new LinkedHashMap<>();
    private List<String> later;

    static String window(LocalDate from, LocalDate to) {
        return "/v1/metrics/cross-sell?from=" + from + "&to=" + to + "&segment_by=segment";
    }

    @AfterAll
    void closeStripe() {
        STRIPE.close();
    }

    @BeforeAll
    void csvTenant(@TempDir Path dir) throws IOException {
        csvKey = APP.createTenant("csv").apiKey();
        CanonicalCsvWriter.write(ACCOUNT.canonical(), dir);
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path file : paths.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        APP.postZip(csvKey, Zips.zip(files)).expectJson(201);
        // the events of the month before the cut-off, as Stripe's Events API still lists them
        STRIPE.publishEvents(ACCOUNT.eventsFrom(CUT - 25L * 86_400).stream().filter(e -> e.created() < CUT).toList());
        // every multi-item case of issue 12 is read by the backfill for some customers and arrives later for others
        MultiItemCoverage coverage = ACCOUNT.multiItemCoverage();
        for (MultiItemCoverage.Case kind : MultiItemCoverage.Case.values()) {
            assertThat(coverage.before(kind, CUT)).as(kind.name()).isGreaterThanOrEqualTo(5);
            assertThat(coverage.atOrAfter(kind, CUT)).as(kind.name()).isGreaterThanOrEqualTo(5);
        }
        assertThat(coverage.invoicesOverTenLines()).isPositive();
        List<StripeFakeEvent> after = ACCOUNT.eventsFrom(CUT);
        assertThat(after).extracting(StripeFakeEvent::type).contains("customer.subscription.updated",
                "invoice.created", "invoice.finalized", "invoice.paid");
        later = after.stream().map(FakeStripeServer::eventJson).toList();
    }

    @Test
    @Order(1)
    void threeTenantsBackfillTheAccountAsOfTheCutOffAndThePastAlreadyEqualsTheCsv() {
        for (String route : List.of("events", "webhooks", "mix")) {
            String key = APP.createTenant("stripe-" + route).apiKey();
            keys.put(route, key);
            connections.put(route, post("/v1/connections/stripe", key, connectBody()).expectJson(201)
                    .path("id").asText());
        }
        for (String route : keys.keySet()) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                    !syncs(route).isEmpty() && syncs(route).get(0).path("state").asText().equals("succeeded"));
        }
        for (String route : keys.keySet()) {
            assertEqualToCsv(route, PAST);
        }
    }

    @Test
    @Order(2)
    void afterTheEventsEveryRouteEqualsTheCsvForEveryWindow() throws Exception {
        STRIPE.publish(ACCOUNT.eventsFrom(CUT));

        // the Events API: one sync reads everything after the backfill's cursor
        sync("events");

        // webhooks: each event twice, the first round with neighbours swapped, the second reversed. An
        // invoice event shows ten lines, as Stripe's do: the webhook reads the rest from the invoice's lines
        deliverAll("webhooks", Redeliveries.twiceOutOfOrder(later, 12));

        // a mix: half the events by webhook first, then a sync delivers all of them again
        deliverAll("mix", Redeliveries.twiceOutOfOrder(later.subList(0, later.size() / 2), 12)
                .subList(0, later.size() / 2));
        sync("mix");

        for (String route : keys.keySet()) {
            assertEqualToCsv(route, ALL);
        }
    }

    private void assertEqualToCsv(String route, List<String> windows) {
        for (String query : windows) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(APP.get(query, keys.get(route)).expectJson(200)).as(route + " " + query)
                            .isEqualTo(APP.get(query, csvKey).expectJson(200)));
        }
    }

    private void sync(String route) {
        int before = syncs(route).size();
        APP.post("/v1/connections/" + connections.get(route) + "/syncs", keys.get(route), "application/json",
                new byte[0]).expectJson(202);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                syncs(route).size() > before && !syncs(route).get(0).path("state").asText().equals("running"));
        JsonNode run = syncs(route).get(0);
        assertThat(run.path("kind").asText()).isEqualTo("incremental");
        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.path("counts").path("events").asLong()).isEqualTo(later.size());
    }

    private List<JsonNode> syncs(String route) {
        return ApiResponse.list(APP.get("/v1/connections/" + connections.get(route) + "/syncs", keys.get(route))
                .expectJson(200).path("syncs"));
    }

    /** The answers' {@code status}: each is received or a duplicate. */
    private List<String> deliverAll(String route, List<String> deliveries) throws Exception {
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
            for (String payload : deliveries) {
                answers.add(senders.submit(() -> {
                    long now = Instant.now().getEpochSecond();
                    var request = APP.request("/v1/webhooks/stripe/" + connections.get(route), null)
                            .header("Content-Type", "application/json")
                            .header("Stripe-Signature", StripeSyncApiTest.sign(payload, now, WEBHOOK_SECRET))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(payload)).build();
                    return APP.send(request).expectJson(200).path("status").asText();
                }));
            }
            List<String> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).isSubsetOf("received", "duplicate").contains("received");
            return statuses;
        } finally {
            senders.shutdown();
        }
    }

    private ApiResponse post(String path, String key, Object body) {
        try {
            return APP.post(path, key, "application/json", ApiResponse.JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> connectBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_key", STRIPE_KEY);
        body.put("reporting_currency", "USD");
        body.put("webhook_secret", WEBHOOK_SECRET);
        body.put("fx_rates", FxRatesBody.of(ACCOUNT.canonical().rates()));
        return body;
    }
}
