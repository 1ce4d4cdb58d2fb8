package io.xsell.server.rest;

import io.xsell.server.fixture.Zips;
import io.xsell.server.fixture.WorkedExample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.ingestion.stripe.fake.FakeStripeServer;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.server.persistence.Dialect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A key never sees another tenant's data: with tenant A's worked example imported, every
 * {@code /v1} endpoint answers tenant B as if A did not exist. Runs once per database (see the
 * subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantIsolationApiTest {
    private static final String WINDOW = "from=" + WorkedExample.FROM + "&to=" + WorkedExample.TO;
    /** Figures of A's data that must never appear in an answer to another tenant. */
    private static final List<String> A_FIGURES = List.of("880000", "969000", "89000", "42000", "47.19", "10.11",
            "product_b", "add_on", "enterprise", "smb", "b-push", "Product B push", "in_app", "reports", "2420.00");

    private static final String STRIPE_KEY = "rk_test_isolationKey";
    /** A's connected Stripe account (a small one): the scheduler is off, so it never syncs into A's figures. */
    static final FakeStripeServer STRIPE = new FakeStripeServer(SyntheticStripeAccount.of(
            SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(5, 20)),
            SyntheticAccountSpec.DEFAULT_HISTORY_END, 5), STRIPE_KEY);

    private String keyA;
    private String importA;
    private String crossSellA;
    private String campaignsA;
    private String scheduleA;
    private String reportA;
    private String connectionA;

    abstract XsellApp app();

    static XsellApp server(Dialect dialect) {
        return XsellApp.on(dialect).with("stripe.apiBase", STRIPE.baseUrl())
                .with("stripe.masterKey", "q5v4Yq3m7Cq4hX0rV9h0Qd8xJm1L2p3N4o5P6q7R8s8=")
                .with("scheduler.enabled", "false");
    }

    @BeforeAll
    void tenantAImportsTheWorkedExample() {
        var tenantA = app().createTenant("tenant-a");
        keyA = tenantA.apiKey();
        importA = app().postZip(keyA, WorkedExample.zip()).expectJson(201).path("id").asText();
        crossSellA = app().get("/v1/metrics/cross-sell?" + WINDOW, keyA).expectJson(200).toString();
        // A's campaigns, touchpoints and usage, posted under idempotency keys B reuses
        postBatch("/v1/campaigns", keyA, "key-campaigns", EngagementApiTest.CAMPAIGNS).expectJson(201);
        postBatch("/v1/touchpoints", keyA, "key-touchpoints", EngagementApiTest.TOUCHPOINTS).expectJson(201);
        postBatch("/v1/usage-events", keyA, "key-usage", EngagementApiTest.USAGE).expectJson(201);
        campaignsA = app().get("/v1/analytics/campaigns?" + WINDOW, keyA).expectJson(200).toString();
        assertThat(campaignsA).contains("b-push", "21000.00");
        scheduleA = app().post("/v1/report-schedules", keyA, "application/json",
                "{\"recipients\": [\"cfo@tenant-a.test\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .expectJson(201).path("id").asText();
        reportA = app().instance(io.xsell.server.reporting.ReportGeneration.class).generate(
                tenantA.tenant().id(), null, null,
                io.xsell.core.metrics.Window.of(WorkedExample.FROM, WorkedExample.TO), null, List.of());
        connectionA = app().post("/v1/connections/stripe", keyA, "application/json",
                ("{\"api_key\":\"" + STRIPE_KEY + "\",\"reporting_currency\":\"USD\",\"webhook_secret\":\"whsec_a\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).expectJson(201).path("id").asText();
        assertThat(ApiResponse.list(app().get("/v1/connections", keyA).expectJson(200)))
                .extracting(c -> c.path("id").asText()).containsExactly(connectionA);
    }

    private ApiResponse postBatch(String path, String key, String idempotencyKey, String body) {
        return app().send(app().request(path, key).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Each endpoint as tenant B calls it, by the path template it exercises. */
    private Map<String, ApiResponse> walkEveryEndpoint(String keyB) {
        Map<String, ApiResponse> answers = new LinkedHashMap<>();
        answers.put("/v1/imports", app().get("/v1/imports", keyB));
        answers.put("/v1/imports/{id}", app().get("/v1/imports/" + importA, keyB));
        answers.put("/v1/metrics/cross-sell", app().get("/v1/metrics/cross-sell?" + WINDOW, keyB));
        answers.put("/v1/metrics/movements", app().get("/v1/metrics/movements?" + WINDOW + "&granularity=month", keyB));
        answers.put("/v1/metrics/penetration", app().get("/v1/metrics/penetration?date=2025-12-31", keyB));
        answers.put("/v1/analytics/basket", app().get("/v1/analytics/basket?date=2025-12-31", keyB));
        answers.put("/v1/analytics/time-to-adoption", app().get("/v1/analytics/time-to-adoption?scope=all_time", keyB));
        answers.put("/v1/analytics/churn-risk", app().get("/v1/analytics/churn-risk?" + WINDOW, keyB));
        answers.put("/v1/analytics/cohorts", app().get("/v1/analytics/cohorts?month=2025-03", keyB));
        answers.put("/v1/analytics/products-per-customer", app().get("/v1/analytics/products-per-customer?" + WINDOW, keyB));
        answers.put("/v1/analytics/clv", app().get("/v1/analytics/clv?" + WINDOW, keyB));
        answers.put("/v1/analytics/insights", app().get("/v1/analytics/insights?" + WINDOW, keyB));
        answers.put("/v1/analytics/propensity", app().get("/v1/analytics/propensity?date=2025-12-31", keyB));
        answers.put("/v1/analytics/campaigns", app().get("/v1/analytics/campaigns?" + WINDOW, keyB));
        answers.put("/v1/analytics/journeys", app().get("/v1/analytics/journeys?" + WINDOW, keyB));
        answers.put("/v1/analytics/engagement", app().get("/v1/analytics/engagement?" + WINDOW, keyB));
        // B reuses A's idempotency keys: its batches are its own, never replays of A's
        String own = "own-" + java.util.UUID.randomUUID();
        answers.put("/v1/campaigns", postBatch("/v1/campaigns", keyB, "key-campaigns",
                "{\"campaigns\": [{\"campaign_id\": \"" + own + "\", \"channel\": \"webinar\", \"cost\": 5, "
                        + "\"currency\": \"USD\", \"start_date\": \"2025-01-01\"}]}"));
        answers.put("/v1/touchpoints", postBatch("/v1/touchpoints", keyB, "key-touchpoints", EngagementApiTest.TOUCHPOINTS));
        answers.put("/v1/usage-events", postBatch("/v1/usage-events", keyB, "key-usage",
                "{\"usage_events\": [{\"customer_id\": \"b1\", \"feature\": \"sso\", \"date\": \"2025-05-01\"}]}"));
        answers.get("/v1/campaigns").expectJson(201);
        JsonNode bCampaigns = app().get("/v1/analytics/campaigns?" + WINDOW, keyB).expectJson(200);
        assertThat(ApiResponse.list(bCampaigns.path("campaigns"))).extracting(c -> c.path("campaign_id").asText())
                .containsExactly(own);
        // A's own mapping stays A's: DisplayNamesApiTest (setting one here would raise A's data version)
        answers.put("/v1/display-names", app().get("/v1/display-names", keyB));
        answers.put("/v1/report-schedules", app().get("/v1/report-schedules", keyB));
        answers.put("/v1/report-schedules/{id}", app().get("/v1/report-schedules/" + scheduleA, keyB));
        answers.put("PATCH /v1/report-schedules/{id}", app().send(app().request("/v1/report-schedules/" + scheduleA, keyB)
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"send_day\": 2}")).build()));
        answers.put("/v1/report-schedules/{id}/send", app().post("/v1/report-schedules/" + scheduleA + "/send", keyB,
                "application/json", new byte[0]));
        answers.put("/v1/reports", app().get("/v1/reports", keyB));
        answers.put("/v1/reports/{id}.pdf", app().get("/v1/reports/" + reportA + ".pdf", keyB));
        answers.put("/v1/reports/{id}.html", app().get("/v1/reports/" + reportA + ".html", keyB));
        answers.put("/v1/reports/{id}/resend", app().send(app().request("/v1/reports/" + reportA + "/resend", keyB)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()));
        answers.put("/v1/connections/stripe", app().post("/v1/connections/stripe", keyB, "application/json",
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        answers.put("/v1/connections", app().get("/v1/connections", keyB));
        answers.put("/v1/connections/{id}", app().get("/v1/connections/" + connectionA, keyB));
        answers.put("/v1/connections/{id}/syncs", app().get("/v1/connections/" + connectionA + "/syncs", keyB));
        answers.put("PATCH /v1/connections/{id}", app().send(app().request("/v1/connections/" + connectionA, keyB)
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"fx_rates\":[]}")).build()));
        answers.put("POST /v1/connections/{id}/syncs", app().post("/v1/connections/" + connectionA + "/syncs", keyB,
                "application/json", new byte[0]));
        // authenticated by signature, not by key: B's key opens nothing, an unsigned delivery is refused
        answers.put("/v1/webhooks/stripe/{connection_id}", app().post("/v1/webhooks/stripe/" + connectionA, keyB,
                "application/json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        answers.put("/v1/connections/chargebee", app().post("/v1/connections/chargebee", keyB, "application/json",
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        // authenticated by basic auth, not by key; A's connection is Stripe's, so no Chargebee connection
        answers.put("/v1/webhooks/chargebee/{connection_id}", app().post("/v1/webhooks/chargebee/" + connectionA, keyB,
                "application/json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(answers.keySet().stream().map(k -> k.replaceFirst("^[A-Z]+ ", "")).distinct().toList())
                .as("a new endpoint must be walked here too")
                .containsExactlyInAnyOrderElementsOf(ResourcePaths.v1().keySet());
        answers.get("/v1/connections/stripe").expectProblem(422);
        assertThat(answers.get("/v1/connections").expectJson(200)).isEmpty();
        answers.get("/v1/connections/{id}").expectProblem(404);
        answers.get("/v1/connections/{id}/syncs").expectProblem(404);
        answers.get("POST /v1/connections/{id}/syncs").expectProblem(404);
        answers.get("PATCH /v1/connections/{id}").expectProblem(404);
        answers.get("/v1/webhooks/stripe/{connection_id}").expectProblem(400);
        answers.get("/v1/connections/chargebee").expectProblem(422);
        answers.get("/v1/webhooks/chargebee/{connection_id}").expectProblem(404);
        return answers;
    }

    /**
     * No answer carries A's figures, nor A's import id, except the 404 for that id, which only
     * echoes what B asked for (and is compared with an unknown id's 404 elsewhere).
     */
    private void assertNothingOfA(Map<String, ApiResponse> answers) {
        answers.forEach((endpoint, answer) -> {
            String text = answer.text();
            if (endpoint.equals("/v1/touchpoints")) {
                // B named A's campaigns itself; the refusal only echoes them (checked in assertEngagementOfBOnly)
                text = text.replace("'b-push'", "'ID'").replace("'prompt'", "'ID'");
            }
            assertThat(text).as(endpoint).doesNotContain(A_FIGURES);
            if (!endpoint.contains("{id}")) {
                assertThat(answer.text()).as(endpoint).doesNotContain(importA, scheduleA, reportA, "cfo@tenant-a.test");
            }
            // only the 404s for A's connection id echo it (what B asked for)
            if (!endpoint.contains("{id}") && !endpoint.contains("{connection_id}")) {
                assertThat(answer.text()).as(endpoint).doesNotContain(connectionA);
            }
            assertThat(answer.text()).as(endpoint).doesNotContain(STRIPE_KEY);
        });
    }

    /**
     * B's batches under A's keys were stored as B's (not replays of A's), B's touchpoints naming A's
     * campaigns were refused as unknown, and no analytics answer of B shows A's campaigns or usage.
     */
    private void assertEngagementOfBOnly(Map<String, ApiResponse> answers) {
        ApiResponse campaigns = answers.get("/v1/campaigns");
        assertThat(campaigns.expectJson(201).path("rows").asInt()).isEqualTo(1);
        assertThat(campaigns.header("Idempotent-Replayed")).isEmpty();
        assertThat(answers.get("/v1/touchpoints").expectProblem(422).path("errors").get(0).path("message").asText())
                .contains("unknown campaign_id");
        answers.get("/v1/usage-events").expectJson(201);
        assertThat(answers.get("/v1/usage-events").header("Idempotent-Replayed")).isEmpty();
        JsonNode report = answers.get("/v1/analytics/campaigns").expectJson(200);
        assertThat(report.path("campaigns")).as("asked before B stored any").isEmpty();
        assertThat(report.path("attributed_cross_sell_mrr").toString()).isEqualTo("0.00");
        assertThat(answers.get("/v1/analytics/journeys").expectJson(200).path("channels")).isEmpty();
        assertThat(answers.get("/v1/analytics/engagement").expectJson(200).path("events").asLong()).isZero();
        assertThat(app().get("/v1/analytics/campaigns?" + WINDOW, keyA).expectJson(200).toString())
                .isEqualTo(campaignsA);
    }

    @Test
    void anotherTenantsImportIdIsNotFoundExactlyLikeAnUnknownOne() {
        String keyB = app().createTenant("tenant-b").apiKey();
        String unknown = UUID.randomUUID().toString();

        ApiResponse foreign = app().get("/v1/imports/" + importA, keyB);
        ApiResponse missing = app().get("/v1/imports/" + unknown, keyB);

        foreign.expectProblem(404);
        missing.expectProblem(404);
        assertThat(foreign.contentType()).isEqualTo(missing.contentType());
        assertThat(foreign.text().replace(importA, "ID")).isEqualTo(missing.text().replace(unknown, "ID"));
        assertThat(app().get("/v1/imports/" + importA, keyA).expectJson(200).path("id").asText()).isEqualTo(importA);
    }

    @Test
    void everyEndpointAnswersATenantWithoutDataWithNothingOfA() {
        String keyB = app().createTenant("tenant-b").apiKey();
        Map<String, ApiResponse> answers = walkEveryEndpoint(keyB);

        assertThat(answers.get("/v1/imports").expectJson(200)).isEmpty();
        answers.get("/v1/imports/{id}").expectProblem(404);

        JsonNode crossSell = answers.get("/v1/metrics/cross-sell").expectJson(200);
        assertThat(answers.get("/v1/metrics/cross-sell").dataVersion()).isZero();
        for (String money : List.of("starting_mrr", "ending_mrr", "cross_sell_mrr", "cohort_cross_sell_mrr")) {
            assertThat(crossSell.path(money).toString()).as(money).isEqualTo("0.00");
        }
        assertThat(crossSell.path("starting_customers").asLong()).isZero();
        assertThat(crossSell.path("ending_customers").asLong()).isZero();
        assertThat(crossSell.path("cross_sell_rate_pct").isNull()).isTrue();
        assertThat(crossSell.path("by_product_line")).isEmpty();

        JsonNode movements = answers.get("/v1/metrics/movements").expectJson(200);
        assertThat(movements.path("periods")).hasSize(12);
        for (JsonNode period : movements.path("periods")) {
            period.fields().forEachRemaining(field -> {
                if (field.getKey().endsWith("_mrr") || field.getKey().equals("net_mrr_change")) {
                    assertThat(field.getValue().toString()).as(field.getKey()).isEqualTo("0.00");
                }
            });
        }

        JsonNode penetration = answers.get("/v1/metrics/penetration").expectJson(200);
        assertThat(penetration.path("active_customers").asLong()).isZero();
        assertThat(penetration.path("lines")).isEmpty();
        assertThat(penetration.path("products_per_customer").isNull()).isTrue();
        assertEngagementOfBOnly(answers);

        assertThat(answers.get("/v1/analytics/basket").expectJson(200).path("active_customers").asLong()).isZero();
        assertThat(answers.get("/v1/analytics/time-to-adoption").expectJson(200).path("lines")).isEmpty();
        assertThat(answers.get("/v1/analytics/churn-risk").expectJson(200).path("overall").path("customers").asLong())
                .isZero();
        assertThat(answers.get("/v1/analytics/cohorts").expectJson(200).path("attached_customers").asInt()).isZero();
        assertThat(answers.get("/v1/analytics/products-per-customer").expectJson(200).path("concentration")
                .path("attaches").asLong()).isZero();
        assertThat(answers.get("/v1/analytics/clv").expectJson(200).path("overall").path("ending_mrr").toString())
                .isEqualTo("0.00");
        assertThat(answers.get("/v1/analytics/insights").expectJson(200).path("insights")).isEmpty();
        assertThat(answers.get("/v1/analytics/propensity").expectJson(200).path("lines")).isEmpty();
        assertThat(answers.get("/v1/analytics/propensity").expectJson(200).path("pooled").path("rows").asInt()).isZero();

        assertThat(answers.get("/v1/report-schedules").expectJson(200)).isEmpty();
        answers.get("/v1/report-schedules/{id}").expectProblem(404);
        answers.get("PATCH /v1/report-schedules/{id}").expectProblem(404);
        answers.get("/v1/report-schedules/{id}/send").expectProblem(404);
        assertThat(answers.get("/v1/reports").expectJson(200)).isEmpty();
        answers.get("/v1/reports/{id}.pdf").expectProblem(404);
        answers.get("/v1/reports/{id}.html").expectProblem(404);
        answers.get("/v1/reports/{id}/resend").expectProblem(404);
        ApiResponse deleteA = app().send(app().request("/v1/report-schedules/" + scheduleA, keyB).DELETE().build());
        deleteA.expectProblem(404);
        answers.put("DELETE /v1/report-schedules/{id}", deleteA);
        assertThat(app().get("/v1/report-schedules/" + scheduleA, keyA).expectJson(200).path("id").asText())
                .isEqualTo(scheduleA);
        assertThat(app().get("/v1/reports/" + reportA + ".pdf", keyA).status()).isEqualTo(200);

        // A's segment attribute is no attribute of B's
        ApiResponse segmented = app().get("/v1/metrics/cross-sell?" + WINDOW + "&segment_by=segment", keyB);
        segmented.expectBadParameter("segment_by");
        answers.put("segment_by", segmented);

        assertNothingOfA(answers);
        assertThat(app().get("/v1/metrics/cross-sell?" + WINDOW, keyA).expectJson(200).toString()).isEqualTo(crossSellA);
    }

    @Test
    void aTenantWithDataOfItsOwnAtTheSameDataVersionSeesOnlyItsOwn() {
        String keyB = app().createTenant("tenant-b").apiKey();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("customers.csv", "customer_id,segment\nb1,startup\nb2,startup\n");
        files.put("products.csv", "product_id,product_line,kind\nbasic,basic,core\nextra,extra,module\n");
        files.put("subscription_items.csv", "item_id,customer_id,product_id,start_date,unit_amount,currency,interval\n"
                + "i1,b1,basic,2024-06-01,100,USD,month\ni2,b2,basic,2024-06-01,100,USD,month\n"
                + "i3,b1,extra,2025-04-01,50,USD,month\n");
        JsonNode importB = app().postZip(keyB, Zips.zip(files)).expectJson(201);
        assertThat(importB.path("id").asText()).isNotEqualTo(importA);
        assertThat(importB.path("data_version").asLong()).as("the same data version as A's").isEqualTo(1);

        // A's answer is in the cache for (A, version 1); B asks the very same question at version 1
        ApiResponse a = app().get("/v1/metrics/cross-sell?" + WINDOW, keyA);
        assertThat(a.dataVersion()).isEqualTo(1);
        Map<String, ApiResponse> answers = walkEveryEndpoint(keyB);

        assertThat(ApiResponse.list(answers.get("/v1/imports").expectJson(200)))
                .extracting(i -> i.path("id").asText()).containsExactly(importB.path("id").asText());
        answers.get("/v1/imports/{id}").expectProblem(404);
        ApiResponse crossSellResponse = answers.get("/v1/metrics/cross-sell");
        JsonNode crossSell = crossSellResponse.expectJson(200);
        assertThat(crossSellResponse.dataVersion()).isEqualTo(1);
        assertThat(crossSell.path("starting_mrr").toString()).isEqualTo("200.00");
        assertThat(crossSell.path("cohort_cross_sell_mrr").toString()).isEqualTo("50.00");
        assertThat(ApiResponse.list(crossSell.path("by_product_line"))).extracting(l -> l.path("product_line").asText())
                .containsExactlyInAnyOrder("extra", "basic");
        JsonNode movements = answers.get("/v1/metrics/movements").expectJson(200);
        assertThat(movements.path("periods").get(0).path("starting_mrr").toString()).isEqualTo("200.00");
        assertThat(movements.path("periods").get(3).path("cross_sell_mrr").toString()).isEqualTo("50.00");
        JsonNode penetration = answers.get("/v1/metrics/penetration").expectJson(200);
        assertThat(penetration.path("active_customers").asLong()).isEqualTo(2);
        assertThat(ApiResponse.list(answers.get("/v1/analytics/basket").expectJson(200).path("pairs")))
                .extracting(p -> p.path("line_a").asText() + "+" + p.path("line_b").asText()).containsExactly("basic+extra");
        assertThat(ApiResponse.list(answers.get("/v1/analytics/propensity").expectJson(200).path("lines")))
                .extracting(l -> l.path("product_line").asText()).containsExactly("basic", "extra");
        assertThat(answers.get("/v1/analytics/clv").expectJson(200).path("overall").path("ending_mrr").toString())
                .isEqualTo("250.00");
        assertEngagementOfBOnly(answers);

        assertNothingOfA(answers);
        // and B's import changed nothing of A's
        ApiResponse aAfter = app().get("/v1/metrics/cross-sell?" + WINDOW, keyA);
        assertThat(aAfter.dataVersion()).isEqualTo(1);
        assertThat(aAfter.json().toString()).isEqualTo(crossSellA);
        assertThat(app().get("/v1/imports", keyA).expectJson(200)).hasSize(1);
    }

    @Test
    void theSameFilesAsAnotherTenantsAreANewImportNotTheirs() {
        String keyC = app().createTenant("tenant-c").apiKey();
        ApiResponse response = app().postZip(keyC, WorkedExample.zip());
        JsonNode imported = response.expectJson(201);
        assertThat(imported.path("status").asText()).isEqualTo("imported");
        assertThat(imported.path("id").asText()).isNotEqualTo(importA);
        assertThat(app().get("/v1/imports/" + imported.path("id").asText(), keyA).status()).isEqualTo(404);
        assertThat(ApiResponse.list(app().get("/v1/imports", keyA).expectJson(200)))
                .extracting(i -> i.path("id").asText()).containsExactly(importA);
    }
}
