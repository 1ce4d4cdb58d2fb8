package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.core.analytics.AttachConcentration;
import io.xsell.core.analytics.BasketAnalysis;
import io.xsell.core.analytics.LifetimeValue;
import io.xsell.core.insights.Insight;
import io.xsell.core.insights.InsightEngine;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.ingestion.csv.CsvFolderTenantData;
import io.xsell.server.fixture.WorkedExample;
import io.xsell.server.persistence.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The analytics endpoints on the worked example (88 customers on a 10,000/month core line since
 * 2024-01-01; cross-sells: c3 add_on 2025-02-01, c0 product_b 2025-03-01, c2 product_c 2025-05-01,
 * c50 product_b 2025-07-01, c60 add_on 2025-11-30), with figures worked out by hand and checked
 * against metrics-core on the same files. Runs once per database (see the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalyticsApiTest {
    private static final String WINDOW = "from=" + WorkedExample.FROM + "&to=" + WorkedExample.TO;
    private String key;
    private MrrLedger ledger;
    private TenantDataset dataset;

    abstract XsellApp app();

    static XsellApp server(Dialect dialect) {
        return XsellApp.on(dialect);
    }

    @BeforeAll
    void importTheWorkedExample() throws Exception {
        key = app().createTenant("analytics").apiKey();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
        Path dir = Files.createTempDirectory("analytics-api");
        dataset = new CsvFolderTenantData(WorkedExample.writeTo(dir, WorkedExample.files()), null)
                .loadTenantData(new TenantId("local"));
        ledger = MrrLedger.of(dataset);
    }

    private JsonNode get(String pathAndQuery) {
        return app().get(pathAndQuery, key).expectJson(200);
    }

    @Test
    void basketPairsAndAdoptionSequences() {
        JsonNode basket = get("/v1/analytics/basket?date=2025-12-31");

        assertThat(basket.path("active_customers").asLong()).isEqualTo(88);
        // add_on with core: both 2 (c3, c60); support 2/88, confidence 2/2 and 2/88, lift 2*88/(2*88)
        assertThat(ApiResponse.list(basket.path("pairs")))
                .extracting(p -> p.path("line_a").asText(), p -> p.path("line_b").asText(),
                        p -> p.path("holders_both").asLong(), p -> p.path("support").toString(),
                        p -> p.path("confidence_a_to_b").toString(), p -> p.path("confidence_b_to_a").toString(),
                        p -> p.path("lift").toString())
                .containsExactly(tuple("add_on", "core", 2L, "0.0227", "1.0000", "0.0227", "1.0000"),
                        tuple("core", "product_b", 2L, "0.0227", "0.0227", "1.0000", "1.0000"),
                        tuple("core", "product_c", 1L, "0.0114", "0.0114", "1.0000", "1.0000"));
        // core on 2024-01-01; add_on after 397 (c3) and 699 days (c60); product_b after 425 and 547
        assertThat(ApiResponse.list(basket.path("sequences")))
                .extracting(s -> s.path("first_line").asText(), s -> s.path("second_line").asText(),
                        s -> s.path("customers").asLong(), s -> s.path("median_days_between").toString())
                .containsExactly(tuple("core", "add_on", 2L, "548.00"), tuple("core", "product_b", 2L, "486.00"),
                        tuple("core", "product_c", 1L, "486.00"));
        BasketAnalysis core = BasketAnalysis.on(ledger, LocalDate.parse("2025-12-31"));
        assertThat(basket.path("pairs")).hasSize(core.pairs().size());
        assertThat(basket.path("sequences")).hasSize(core.sequences().size());
    }

    @Test
    void timeToAdoptionMedianAndQuartiles() {
        JsonNode adoption = get("/v1/analytics/time-to-adoption?scope=all_time");
        assertThat(adoption.path("scope").asText()).isEqualTo("all_time");
        assertThat(adoption.path("from").isNull()).isTrue();

        // add_on: 397 and 699 days; p25 = 397 + 0.25 * 302, p75 = 397 + 0.75 * 302
        assertThat(ApiResponse.list(adoption.path("lines")))
                .extracting(l -> l.path("product_line").asText(), l -> l.path("customers").asLong(),
                        l -> l.path("median_days").toString(), l -> l.path("p25_days").toString(),
                        l -> l.path("p75_days").toString())
                .containsExactly(tuple("add_on", 2L, "548.00", "472.50", "623.50"),
                        tuple("core", 0L, "null", "null", "null"),
                        tuple("product_b", 2L, "486.00", "455.50", "516.50"),
                        tuple("product_c", 1L, "486.00", "486.00", "486.00"));

        // the default counts the adoptions dated inside the window only, as metrics-core does
        JsonNode windowed = get("/v1/analytics/time-to-adoption?" + WINDOW);
        assertThat(windowed.path("scope").asText()).isEqualTo("window");
        assertThat(windowed.path("from").asText()).isEqualTo(WorkedExample.FROM);
        var core = io.xsell.core.analytics.TimeToAdoption.of(ledger,
                io.xsell.core.metrics.Window.of(WorkedExample.FROM, WorkedExample.TO));
        assertThat(ApiResponse.list(windowed.path("lines"))).extracting(l -> l.path("customers").asLong())
                .containsExactlyElementsOf(core.lines().stream().map(l -> l.customers()).toList());
    }

    @Test
    void churnRiskByLinesHeld() {
        JsonNode churn = get("/v1/analytics/churn-risk?" + WINDOW);

        assertThat(ApiResponse.list(churn.path("by_lines_held")))
                .extracting(g -> g.path("lines_held").asText(), g -> g.path("customers").asLong(),
                        g -> g.path("churned").asLong(), g -> g.path("churn_rate_pct").toString())
                .containsExactly(tuple("1", 88L, 0L, "0.00"), tuple("2", 0L, 0L, "null"), tuple("3+", 0L, 0L, "null"));
        assertThat(churn.path("overall").path("customers").asLong()).isEqualTo(88);
    }

    @Test
    void cohortRetentionOfAMonth() {
        JsonNode cohort = get("/v1/analytics/cohorts?month=2025-03");

        // attached: c0 (product_b on 2025-03-01); single-line on 2025-03-31: 88 - c0 - c3
        assertThat(cohort.path("month").asText()).isEqualTo("2025-03");
        assertThat(cohort.path("attached_customers").asInt()).isEqualTo(1);
        assertThat(cohort.path("single_line_customers").asInt()).isEqualTo(86);
        assertThat(cohort.path("points")).hasSize(12);
        JsonNode first = cohort.path("points").get(0);
        assertThat(first.path("months_after").asInt()).isEqualTo(1);
        assertThat(first.path("date").asText()).isEqualTo("2025-04-30");
        assertThat(first.path("attached_logo_retention_pct").toString()).isEqualTo("100.00");
        assertThat(first.path("attached_line_retention_pct").toString()).isEqualTo("100.00");
        assertThat(first.path("single_line_logo_retention_pct").toString()).isEqualTo("100.00");
    }

    @Test
    void productsPerCustomerTrajectoryAndConcentration() {
        JsonNode answer = get("/v1/analytics/products-per-customer?" + WINDOW);

        List<JsonNode> months = ApiResponse.list(answer.path("months"));
        assertThat(months).hasSize(12);
        assertThat(months.get(0).path("products_per_customer").toString()).isEqualTo("1.00"); // c3 adds add_on on 02-01
        // December: 88 core + 5 cross-sold lines = 93 lines over 88 customers
        JsonNode december = months.get(11);
        assertThat(december.path("date").asText()).isEqualTo("2025-12-31");
        assertThat(december.path("lines_held").asLong()).isEqualTo(93);
        assertThat(december.path("products_per_customer").toString()).isEqualTo("1.06");
        assertThat(december.path("distribution").path("1").asInt()).isEqualTo(83);
        assertThat(december.path("distribution").path("2").asInt()).isEqualTo(5);
        // 5 attaching customers, one attach each: the top ceil(0.5) = 1 customer makes 1 of 5
        AttachConcentration core = AttachConcentration.of(ledger, Window.of(WorkedExample.FROM, WorkedExample.TO));
        JsonNode concentration = answer.path("concentration");
        assertThat(concentration.path("attaching_customers").asInt()).isEqualTo(5).isEqualTo(core.attachingCustomers());
        assertThat(concentration.path("top_customers").asInt()).isEqualTo(1);
        assertThat(concentration.path("top_share_of_attaches_pct").toString()).isEqualTo("20.00");
    }

    @Test
    void clvWithTheDefaultAndARequestedMargin() {
        JsonNode clv = get("/v1/analytics/clv?" + WINDOW);

        assertThat(clv.path("currency").asText()).isEqualTo("USD");
        assertThat(clv.path("default_gross_margin").toString()).isEqualTo("0.8000");
        JsonNode overall = clv.path("overall");
        assertThat(overall.path("ending_mrr").toString()).isEqualTo("969000.00");
        assertThat(overall.path("arpa").toString()).isEqualTo("11011.36"); // 969,000 / 88
        assertThat(overall.path("gross_margin").toString()).isEqualTo("0.8000");
        assertThat(overall.path("churned_customers").asInt()).isZero();
        assertThat(overall.path("lifetime_months").isNull()).as("nobody churned: no finite lifetime").isTrue();
        assertThat(overall.path("clv").isNull()).isTrue();
        assertThat(clv.path("multi_line").path("ending_customers").asInt()).isEqualTo(5);
        LifetimeValue core = LifetimeValue.of(ledger, dataset, Window.of(WorkedExample.FROM, WorkedExample.TO),
                LifetimeValue.DEFAULT_GROSS_MARGIN);
        assertThat(clv.path("single_line").path("arpa").decimalValue())
                .isEqualByComparingTo(core.singleLine().arpa().setScale(2, java.math.RoundingMode.HALF_EVEN));

        JsonNode custom = get("/v1/analytics/clv?" + WINDOW + "&gross_margin=0.5");
        assertThat(custom.path("overall").path("gross_margin").toString()).isEqualTo("0.5000");
    }

    @Test
    void insightsAreTheEnginesRules() {
        JsonNode answer = get("/v1/analytics/insights?" + WINDOW);

        List<Insight> core = InsightEngine.insights(ledger, Window.of(WorkedExample.FROM, WorkedExample.TO), null);
        assertThat(ApiResponse.list(answer.path("insights"))).extracting(i -> i.path("rule").asText())
                .containsExactlyElementsOf(core.stream().map(Insight::rule).toList());
        for (JsonNode insight : answer.path("insights")) {
            assertThat(insight.path("severity").asText()).isIn("critical", "warning", "info");
            assertThat(insight.path("recommendation").asText()).isNotBlank();
        }
        assertThat(get("/v1/analytics/insights?" + WINDOW + "&segment_by=segment").path("segment_by").asText())
                .isEqualTo("segment");
    }

    @Test
    void propensityRowsAreCountedAsByHand() {
        JsonNode answer = get("/v1/analytics/propensity?date=2025-12-31&limit=5");

        assertThat(answer.path("holdout_cutoff").asText()).isEqualTo("2025-10-02");
        assertThat(ApiResponse.list(answer.path("train_cutoffs"))).extracting(JsonNode::asText)
                .containsExactly("2024-10-07", "2025-01-05", "2025-04-05", "2025-07-04");
        assertThat(answer.path("baseline_segment_by").asText()).isEqualTo("segment");
        Map<String, JsonNode> lines = new LinkedHashMap<>();
        answer.path("lines").forEach(l -> lines.put(l.path("product_line").asText(), l));
        assertThat(lines).containsOnlyKeys("add_on", "core", "product_b", "product_c");
        // add_on: 88 + 88 + 87 training rows (c3 holds it from 2025-02-01), one adopter (c3 in
        // (2025-01-05, 2025-04-05]); the last training cutoff (2025-07-04) is the validation split:
        // 87 rows, no adopter; holdout: 87 rows, c60 adopts on 2025-11-30; today 86 candidates.
        // One adopter a period is far under the 30 each needs: insufficient_data, no figures.
        JsonNode addOn = lines.get("add_on");
        assertThat(addOn.path("status").asText()).isEqualTo("insufficient_data");
        assertThat(addOn.path("training_rows").asInt()).isEqualTo(263);
        assertThat(addOn.path("training_adopters").asInt()).isEqualTo(1);
        assertThat(addOn.path("validation_rows").asInt()).isEqualTo(87);
        assertThat(addOn.path("validation_adopters").asInt()).isZero();
        assertThat(addOn.path("holdout_rows").asInt()).isEqualTo(87);
        assertThat(addOn.path("holdout_adopters").asInt()).isEqualTo(1);
        assertThat(addOn.path("candidates").asLong()).isEqualTo(86);
        assertThat(addOn.path("prospects")).isEmpty();
        assertThat(addOn.path("model").isNull()).isTrue();
        assertThat(addOn.path("popularity").isNull()).isTrue();
        assertThat(addOn.path("beats_popularity").isNull()).isTrue();
        assertThat(addOn.path("beats_baseline").isNull()).isTrue();
        assertThat(addOn.path("note").asText()).contains("1 training, 0 validation and 1 holdout adopters");
        // no line has the data for figures, so nothing is pooled and nothing is claimed
        JsonNode pooled = answer.path("pooled");
        assertThat(pooled.path("lines").asInt()).isZero();
        assertThat(pooled.path("rows").asInt()).isZero();
        assertThat(pooled.path("model").path("auc").isNull()).isTrue();
        assertThat(pooled.path("beats_popularity").isNull()).isTrue();
        // every active customer holds core: nothing to learn, nobody to rank
        JsonNode core = lines.get("core");
        assertThat(core.path("model").isNull()).isTrue();
        assertThat(core.path("note").asText()).contains("no training rows");
        assertThat(core.path("candidates").asLong()).isZero();

        JsonNode one = get("/v1/analytics/propensity?date=2025-12-31&line=product_c&limit=0");
        assertThat(one.path("lines")).hasSize(1);
        assertThat(one.path("lines").get(0).path("prospects")).isEmpty();
    }

    @Test
    void everyBadParameterIsA400NamingIt() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/v1/analytics/basket", "date");
        cases.put("/v1/analytics/basket?date=2025-02-30", "date");
        cases.put("/v1/analytics/time-to-adoption", "from");
        cases.put("/v1/analytics/time-to-adoption?" + WINDOW + "&scope=forever", "scope");
        cases.put("/v1/analytics/basket?date=2025-12-31&scope=window", "scope");
        cases.put("/v1/analytics/cohorts", "month");
        cases.put("/v1/analytics/cohorts?month=2025-13", "month");
        cases.put("/v1/analytics/churn-risk?to=2026-01-01", "from");
        cases.put("/v1/analytics/churn-risk?from=2026-01-01&to=2025-01-01", "to");
        cases.put("/v1/analytics/products-per-customer?from=2025-01-01", "to");
        cases.put("/v1/analytics/clv?" + WINDOW + "&gross_margin=80", "gross_margin");
        cases.put("/v1/analytics/clv?" + WINDOW + "&gross_margin=high", "gross_margin");
        cases.put("/v1/analytics/insights?" + WINDOW + "&segment_by=planet", "segment_by");
        cases.put("/v1/analytics/propensity", "date");
        cases.put("/v1/analytics/propensity?date=2025-12-31&horizon_days=3", "horizon_days");
        cases.put("/v1/analytics/propensity?date=2025-12-31&train_cutoffs=x", "train_cutoffs");
        cases.put("/v1/analytics/propensity?date=2025-12-31&limit=5000", "limit");
        cases.put("/v1/analytics/propensity?date=2025-12-31&line=nope", "line");
        cases.put("/v1/analytics/propensity?date=2025-12-31&segment_by=planet", "segment_by");
        cases.forEach((request, parameter) -> app().get(request, key).expectBadParameter(parameter));
    }

    @Test
    void answersComeFromTheResponseCacheWhileTheDataIsUnchanged() {
        ApiResponse first = app().get("/v1/analytics/basket?date=2025-06-30", key);
        ApiResponse second = app().get("/v1/analytics/basket?date=2025-06-30", key);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.dataVersion()).isEqualTo(first.dataVersion()).isEqualTo(1);
    }

    /** {@code report --analytics} prints, member by member, exactly what the endpoints answer. */
    @Test
    void theReportCommandPrintsTheEndpointsBodies(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path data = WorkedExample.writeTo(dir, WorkedExample.files());
        JsonNode analytics = ApiResponse.parse(ReportCli.report("--data", data.toString(), "--from", WorkedExample.FROM,
                "--to", WorkedExample.TO, "--analytics")).path("analytics");

        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("basket", "/v1/analytics/basket?date=2025-12-31");
        endpoints.put("time_to_adoption", "/v1/analytics/time-to-adoption?" + WINDOW);
        endpoints.put("churn_risk", "/v1/analytics/churn-risk?" + WINDOW);
        endpoints.put("cohorts", "/v1/analytics/cohorts?month=2025-09");
        endpoints.put("products_per_customer", "/v1/analytics/products-per-customer?" + WINDOW);
        endpoints.put("clv", "/v1/analytics/clv?" + WINDOW);
        endpoints.put("insights", "/v1/analytics/insights?" + WINDOW);
        endpoints.put("propensity", "/v1/analytics/propensity?date=2025-12-31");
        // the worked example has no engagement files: the three answer empty, alike
        endpoints.put("campaigns", "/v1/analytics/campaigns?" + WINDOW);
        endpoints.put("journeys", "/v1/analytics/journeys?" + WINDOW);
        endpoints.put("engagement", "/v1/analytics/engagement?" + WINDOW);
        endpoints.forEach((member, request) -> assertThat(get(request)).as(member).isEqualTo(analytics.path(member)));
    }
}
