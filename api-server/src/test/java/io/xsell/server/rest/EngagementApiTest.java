package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.server.fixture.WorkedExample;
import io.xsell.server.fixture.Zips;
import io.xsell.server.persistence.Dialect;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Campaigns, touchpoints and usage over REST, on the worked example: batches stored once per
 * idempotency key, all or nothing with every bad row reported, and the three analytics endpoints
 * answering from them. Runs once per database (see the subclasses).
 */
abstract class EngagementApiTest {
    private static final String WINDOW = "from=" + WorkedExample.FROM + "&to=" + WorkedExample.TO;
    // b-push (email, 10,000, product_b) touched c0 9 days before its product B cross-sell (21,000) and
    // c50 61 days before its one (too early); prompt (in_app, free, any line) touched c2 the day it
    // took product C (28,000).
    static final String CAMPAIGNS = """
            {"campaigns": [
              {"campaign_id": "b-push", "name": "Product B push", "channel": "email", "cost": 10000.00,
               "currency": "USD", "start_date": "2025-02-01", "end_date": "2025-06-30", "target_product_line": "product_b"},
              {"campaign_id": "prompt", "channel": "in_app", "cost": 0, "currency": "USD", "start_date": "2025-01-01"}
            ]}""";
    static final String TOUCHPOINTS = """
            {"touchpoints": [
              {"customer_id": "c0", "campaign_id": "b-push", "date": "2025-02-20"},
              {"customer_id": "c50", "campaign_id": "b-push", "date": "2025-05-01"},
              {"customer_id": "c2", "campaign_id": "prompt", "date": "2025-05-01"}
            ]}""";
    static final String USAGE = """
            {"usage_events": [
              {"customer_id": "c0", "feature": "reports", "date": "2025-03-01", "count": 5},
              {"customer_id": "c0", "feature": "export", "date": "2025-03-02"},
              {"customer_id": "c1", "feature": "reports", "date": "2025-04-01", "count": 2}
            ]}""";

    abstract XsellApp app();

    static XsellApp server(Dialect dialect) {
        return XsellApp.on(dialect);
    }

    ApiResponse post(String path, String key, String idempotencyKey, String body) {
        HttpRequest.Builder request = app().request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return app().send(request.build());
    }

    private String tenantWithTheWorkedExample() {
        String key = app().createTenant("engagement").apiKey();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
        return key;
    }

    private long rows(String table) {
        return app().instance(Jdbi.class).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void campaignsTouchpointsAndUsageFeedTheThreeAnalytics() {
        String key = tenantWithTheWorkedExample();
        JsonNode stored = post("/v1/campaigns", key, id(), CAMPAIGNS).expectJson(201);
        assertThat(stored.path("kind").asText()).isEqualTo("campaigns");
        assertThat(stored.path("rows").asInt()).isEqualTo(2);
        post("/v1/touchpoints", key, id(), TOUCHPOINTS).expectJson(201);
        post("/v1/usage-events", key, id(), USAGE).expectJson(201);

        JsonNode campaigns = app().get("/v1/analytics/campaigns?" + WINDOW, key).expectJson(200);
        assertThat(campaigns.path("cross_sell_mrr").toString()).isEqualTo("89000.00");
        assertThat(campaigns.path("attributed_cross_sell_mrr").toString()).isEqualTo("49000.00");
        assertThat(campaigns.path("unattributed_cross_sell_mrr").toString()).isEqualTo("40000.00");
        assertThat(campaigns.path("attribution_days").asInt()).isEqualTo(30);
        JsonNode push = campaigns.path("campaigns").get(0);
        assertThat(push.path("campaign_id").asText()).isEqualTo("b-push");
        assertThat(push.path("attributed_cross_sell_mrr").toString()).isEqualTo("21000.00");
        assertThat(push.path("incremental_revenue").toString()).isEqualTo("252000.00");
        assertThat(push.path("cost").toString()).isEqualTo("10000.00");
        assertThat(push.path("roi_pct").toString()).isEqualTo("2420.00");
        JsonNode prompt = campaigns.path("campaigns").get(1);
        assertThat(prompt.path("attributed_cross_sell_mrr").toString()).isEqualTo("28000.00");
        assertThat(prompt.path("roi_pct").isNull()).as("free campaign: no ROI").isTrue();
        // 3 touched customers all cross-sold; 2 of the other 85 did
        JsonNode uplift = campaigns.path("uplift");
        assertThat(uplift.path("exposed_customers").asLong()).isEqualTo(3);
        assertThat(uplift.path("exposed_rate_pct").toString()).isEqualTo("100.00");
        assertThat(uplift.path("unexposed_customers").asLong()).isEqualTo(85);
        assertThat(uplift.path("unexposed_rate_pct").toString()).isEqualTo("2.35");
        assertThat(uplift.path("significant").asBoolean()).isTrue();
        assertThat(app().get("/v1/analytics/campaigns?" + WINDOW + "&attribution_days=61", key).expectJson(200)
                .path("campaigns").get(0).path("attributed_cross_sell_mrr").toString()).isEqualTo("42000.00");

        JsonNode journeys = app().get("/v1/analytics/journeys?" + WINDOW, key).expectJson(200);
        assertThat(ApiResponse.list(journeys.path("channels"))).extracting(c -> c.path("channel").asText())
                .containsExactly("email", "in_app");
        JsonNode email = journeys.path("channels").get(0);
        assertThat(email.path("touched_customers").asLong()).isEqualTo(2);
        assertThat(email.path("adopted_customers").asLong()).isEqualTo(1);
        assertThat(email.path("median_days_to_adoption").toString()).isEqualTo("9.00");
        assertThat(app().get("/v1/analytics/journeys?" + WINDOW + "&adoption_days=61", key).expectJson(200)
                .path("channels").get(0).path("adopted_customers").asLong()).isEqualTo(2);

        JsonNode engagement = app().get("/v1/analytics/engagement?" + WINDOW, key).expectJson(200);
        assertThat(engagement.path("active_customers").asLong()).isEqualTo(88);
        assertThat(engagement.path("customers_with_usage").asLong()).isEqualTo(2);
        assertThat(engagement.path("events").asLong()).isEqualTo(8);
        assertThat(engagement.path("depth").path("distribution").path("0").asLong()).isEqualTo(86);
        assertThat(engagement.path("depth").path("distribution").path("2").asLong()).isEqualTo(1);
        assertThat(engagement.path("quartiles")).hasSize(4);
        assertThat(engagement.path("quartiles").get(3).path("max_events").asLong()).isEqualTo(6);
    }

    @Test
    void aRetriedBatchIsStoredOnceAndAnsweredTheSame() {
        String key = tenantWithTheWorkedExample();
        String idempotencyKey = id();
        long before = rows("usage_events");

        ApiResponse first = post("/v1/usage-events", key, idempotencyKey, USAGE);
        ApiResponse again = post("/v1/usage-events", key, idempotencyKey, USAGE);

        assertThat(first.expectJson(201)).isEqualTo(again.expectJson(201));
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(rows("usage_events") - before).isEqualTo(3);
        assertThat(app().get("/v1/analytics/engagement?" + WINDOW, key).expectJson(200).path("events").asLong())
                .isEqualTo(8);

        // the same key with another batch is refused, and stores nothing
        JsonNode reused = post("/v1/usage-events", key, idempotencyKey, USAGE.replace("\"count\": 5", "\"count\": 6"))
                .expectProblem(422);
        assertThat(reused.path("type").asText()).endsWith("idempotency-key-reused");
        assertThat(rows("usage_events") - before).isEqualTo(3);
        // keys are per tenant: another tenant may use the same one
        String other = tenantWithTheWorkedExample();
        assertThat(post("/v1/usage-events", other, idempotencyKey, USAGE).header("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void everyBadRowIsReportedWithItsIndexAndFieldAndNothingIsStored() {
        String key = tenantWithTheWorkedExample();
        long before = rows("campaigns");
        String body = """
                {"campaigns": [
                  {"campaign_id": "ok", "channel": "email", "cost": 1, "currency": "USD", "start_date": "2025-01-01"},
                  {"campaign_id": "neg", "channel": "email", "cost": -1, "currency": "USD", "start_date": "2025-01-01"},
                  {"campaign_id": "bad", "channel": "E mail", "cost": "ten", "currency": "USD", "start_date": "01/02/2025",
                   "colour": "red"}
                ]}""";

        JsonNode problem = post("/v1/campaigns", key, id(), body).expectProblem(422);

        assertThat(ApiResponse.list(problem.path("errors"))).extracting(e -> e.path("index").asInt() + ":" + e.path("field").asText())
                .containsExactly("1:cost", "2:colour", "2:cost", "2:start_date", "2:channel");
        assertThat(problem.path("detail").asText()).contains("nothing was stored");
        assertThat(rows("campaigns")).isEqualTo(before);

        JsonNode unknownCampaign = post("/v1/touchpoints", key, id(), """
                {"touchpoints": [{"customer_id": "c0", "campaign_id": "nope", "date": "2025-01-01"},
                                 {"customer_id": "c1", "date": "2025-01-01", "count": 3}]}""").expectProblem(422);
        assertThat(ApiResponse.list(unknownCampaign.path("errors")))
                .extracting(e -> e.path("index").asInt() + ":" + e.path("field").asText())
                .containsExactly("1:count", "1:campaign_id");
        JsonNode referenced = post("/v1/touchpoints", key, id(), """
                {"touchpoints": [{"customer_id": "c0", "campaign_id": "nope", "date": "2025-01-01"}]}""")
                .expectProblem(422);
        assertThat(referenced.path("errors").get(0).path("message").asText()).contains("unknown campaign_id 'nope'");

        JsonNode usage = post("/v1/usage-events", key, id(), """
                {"usage_events": [{"customer_id": "c0", "feature": "", "date": "2025-01-01", "count": 0}]}""")
                .expectProblem(422);
        assertThat(usage.path("errors").get(0).path("field").asText()).isEqualTo("feature");
    }

    @Test
    void malformedBatchesAreRefusedWithAClearProblem() {
        String key = tenantWithTheWorkedExample();

        post("/v1/usage-events", key, null, USAGE).expectBadParameter("Idempotency-Key");
        post("/v1/usage-events", key, "has space", USAGE).expectBadParameter("Idempotency-Key");
        post("/v1/usage-events", key, id(), "{not json").expectProblem(400);
        post("/v1/usage-events", key, id(), USAGE + " {}").expectProblem(400);
        post("/v1/usage-events", key, id(), "{\"usage_events\": [], \"usage_events\": [{}]}").expectProblem(400);
        assertThat(post("/v1/usage-events", key, id(), "{\"usage_events\": []}").expectProblem(422)
                .path("errors").get(0).path("field").asText()).isEqualTo("usage_events");
        assertThat(post("/v1/usage-events", key, id(), "{\"campaigns\": []}").expectProblem(422)
                .path("errors").get(0).path("field").asText()).isEqualTo("usage_events");
        StringBuilder tooMany = new StringBuilder("{\"usage_events\": [");
        for (int i = 0; i <= 10_000; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"customer_id\": \"c0\", \"feature\": \"f\", \"date\": \"2025-01-01\"}");
        }
        assertThat(post("/v1/usage-events", key, id(), tooMany + "]}").expectProblem(422).path("errors").get(0)
                .path("message").asText()).contains("1 to 10000 rows, this one 10001");
    }

    @Test
    void aStoredBatchRefreshesCachedAnalyticsAtOnce() {
        String key = tenantWithTheWorkedExample();
        post("/v1/campaigns", key, id(), CAMPAIGNS).expectJson(201);
        assertThat(app().get("/v1/analytics/campaigns?" + WINDOW, key).expectJson(200)
                .path("attributed_cross_sell_mrr").toString()).isEqualTo("0.00");
        assertThat(app().get("/v1/analytics/engagement?" + WINDOW, key).expectJson(200).path("events").asLong()).isZero();

        post("/v1/touchpoints", key, id(), TOUCHPOINTS).expectJson(201);
        post("/v1/usage-events", key, id(), USAGE).expectJson(201);

        assertThat(app().get("/v1/analytics/campaigns?" + WINDOW, key).expectJson(200)
                .path("attributed_cross_sell_mrr").toString()).isEqualTo("49000.00");
        assertThat(app().get("/v1/analytics/engagement?" + WINDOW, key).expectJson(200).path("events").asLong())
                .isEqualTo(8);
    }

    @Test
    void engagementFilesOfACsvImportAreStoredWithItAndReplacedByTheNextImport() {
        String key = app().createTenant("engagement-csv").apiKey();
        Map<String, String> files = WorkedExample.files();
        files.put("campaigns.csv", "campaign_id,name,channel,cost,currency,start_date,end_date,target_product_line\n"
                + "b-push,Product B push,email,10000,USD,2025-02-01,,product_b\n");
        files.put("touchpoints.csv", "customer_id,campaign_id,date\nc0,b-push,2025-02-20\n");
        files.put("usage_events.csv", "customer_id,feature,date,count\nc0,reports,2025-03-01,5\nc1,reports,2025-03-01,\n");
        app().postZip(key, Zips.zip(files)).expectJson(201);

        JsonNode campaigns = app().get("/v1/analytics/campaigns?" + WINDOW, key).expectJson(200);
        assertThat(campaigns.path("campaigns").get(0).path("roi_pct").toString()).isEqualTo("2420.00");
        assertThat(app().get("/v1/analytics/engagement?" + WINDOW, key).expectJson(200).path("events").asLong())
                .isEqualTo(6);
        // API touchpoints may reference the imported campaign
        post("/v1/touchpoints", key, id(), """
                {"touchpoints": [{"customer_id": "c50", "campaign_id": "b-push", "date": "2025-06-20"}]}""")
                .expectJson(201);
        assertThat(app().get("/v1/analytics/campaigns?" + WINDOW, key).expectJson(200)
                .path("attributed_cross_sell_mrr").toString()).isEqualTo("42000.00");

        app().postZip(key, WorkedExample.zip()).expectJson(201);
        assertThat(app().get("/v1/analytics/engagement?" + WINDOW, key).expectJson(200).path("events").asLong())
                .as("the import without usage replaced the imported usage").isZero();
        assertThat(app().get("/v1/analytics/campaigns?" + WINDOW, key).expectJson(200).path("campaigns"))
                .as("the campaign went with its import; its API touchpoint is ignored").isEmpty();
    }

    @Test
    void reportAnalyticsOfTheSameFilesPrintsTheBodiesOfTheThreeEndpoints() throws Exception {
        String key = app().createTenant("engagement-report").apiKey();
        Map<String, String> files = WorkedExample.filesWithEngagement();
        app().postZip(key, Zips.zip(files)).expectJson(201);
        Path dir = WorkedExample.writeTo(Files.createTempDirectory("engagement-report"), files);

        JsonNode analytics = ApiResponse.parse(ReportCli.report("--data", dir.toString(), "--from", WorkedExample.FROM,
                "--to", WorkedExample.TO, "--analytics")).path("analytics");

        JsonNode campaigns = app().get("/v1/analytics/campaigns?" + WINDOW, key).expectJson(200);
        assertThat(analytics.path("campaigns")).isEqualTo(campaigns);
        assertThat(analytics.path("journeys")).isEqualTo(app().get("/v1/analytics/journeys?" + WINDOW, key).expectJson(200));
        assertThat(analytics.path("engagement"))
                .isEqualTo(app().get("/v1/analytics/engagement?" + WINDOW, key).expectJson(200));
        // not two empty answers: the files' campaigns and usage are in both
        assertThat(campaigns.path("campaigns")).hasSize(2);
        assertThat(campaigns.path("attributed_cross_sell_mrr").toString()).isEqualTo("49000.00");
        assertThat(analytics.path("journeys").path("channels")).hasSize(2);
        assertThat(analytics.path("engagement").path("events").asLong()).isEqualTo(12);
    }
}
