package io.xsell.server.rest;

import io.xsell.server.fixture.WorkedExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.server.persistence.Dialect;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three metric endpoints on the seed's worked example, imported through {@code POST /v1/imports}:
 * the numbers of docs/metrics.md, byte-for-byte agreement with the {@code report} command, and a
 * 400 naming the parameter for every malformed query. Runs once per database (see the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MetricsApiTest {
    private static final String WINDOW = "from=" + WorkedExample.FROM + "&to=" + WorkedExample.TO;
    private static final List<String> MOVEMENT_FIELDS = List.of("new_business_mrr", "reactivation_mrr",
            "cross_sell_mrr", "upsell_mrr", "contraction_mrr", "line_churn_mrr", "churn_mrr");

    private String key;

    abstract XsellApp app();

    static XsellApp server(Dialect dialect) {
        return XsellApp.on(dialect);
    }

    @BeforeAll
    void importTheWorkedExample() {
        key = app().createTenant("metrics").apiKey();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
    }

    private ApiResponse get(String pathAndQuery) {
        return app().get(pathAndQuery, key);
    }

    @Test
    void theWorkedExampleGivesTheSeedsNumbers() {
        ApiResponse response = get("/v1/metrics/cross-sell?" + WINDOW);
        JsonNode report = response.expectJson(200);

        assertThat(response.dataVersion()).isEqualTo(1);
        assertThat(report.path("from").asText()).isEqualTo(WorkedExample.FROM);
        assertThat(report.path("to").asText()).isEqualTo(WorkedExample.TO);
        assertThat(report.path("currency").asText()).isEqualTo("USD");
        assertThat(report.path("starting_mrr").toString()).isEqualTo("880000.00");
        assertThat(report.path("cohort_cross_sell_mrr").toString()).isEqualTo("89000.00");
        assertThat(report.path("cross_sell_rate_pct").toString()).isEqualTo("10.11");
        assertThat(report.path("bundle_cross_sell_mrr").toString()).isEqualTo("21000.00");
        assertThat(ApiResponse.list(report.path("by_product_line")))
                .extracting(l -> l.path("product_line").asText(), l -> l.path("cross_sell_mrr").toString(),
                        l -> l.path("share_of_cross_sell_pct").toString())
                .startsWith(tuple("product_b", "42000.00", "47.19"), tuple("product_c", "28000.00", "31.46"),
                        tuple("add_on", "19000.00", "21.35"));
        assertThat(report.path("benchmark").path("stage").asText()).isEqualTo("single_product");
        assertThat(report.has("by_segment")).isFalse();
    }

    /** 88 customers keep their 10,000 core and add 89,000 of cross-sell; nobody is lost. */
    @Test
    void theRetentionRatiosAndArrOfTheWorkedExampleAndEachSegment() {
        JsonNode report = get("/v1/metrics/cross-sell?" + WINDOW + "&segment_by=segment").expectJson(200);

        assertThat(report.path("arr").toString()).isEqualTo("11628000.00");
        assertThat(report.path("net_revenue_retention_pct").toString()).isEqualTo("110.11");
        assertThat(report.path("gross_revenue_retention_pct").toString()).isEqualTo("100.00");
        assertThat(report.has("quick_ratio")).isTrue();
        assertThat(report.path("quick_ratio").isNull()).as("no loss: a zero denominator").isTrue();
        List<JsonNode> segments = ApiResponse.list(report.path("by_segment"));
        // enterprise 470,500 / 440,000; smb 498,500 / 440,000
        assertThat(segments).extracting(s -> s.path("net_revenue_retention_pct").toString())
                .containsExactly("106.93", "113.30");
        assertThat(segments).extracting(s -> s.path("arr").toString()).containsExactly("5646000.00", "5982000.00");
        assertThat(segments).extracting(s -> s.path("gross_revenue_retention_pct").toString())
                .containsExactly("100.00", "100.00");
    }

    @Test
    void theBodyIsExactlyWhatTheReportCommandPrintsForTheSameFiles(@TempDir Path dir) {
        Path data = WorkedExample.writeTo(dir, WorkedExample.files());

        JsonNode printed = ApiResponse.parse(ReportCli.report("--data", data.toString(),
                "--from", WorkedExample.FROM, "--to", WorkedExample.TO));
        assertThat(get("/v1/metrics/cross-sell?" + WINDOW).expectJson(200)).isEqualTo(printed);

        JsonNode printedBySegment = ApiResponse.parse(ReportCli.report("--data", data.toString(),
                "--from", WorkedExample.FROM, "--to", WorkedExample.TO, "--segment-by", "segment"));
        assertThat(get("/v1/metrics/cross-sell?" + WINDOW + "&segment_by=segment").expectJson(200))
                .isEqualTo(printedBySegment);
    }

    @Test
    void segmentByAddsEverySegmentWithItsMetricSetAndLines() {
        JsonNode report = get("/v1/metrics/cross-sell?" + WINDOW + "&segment_by=segment").expectJson(200);

        assertThat(report.path("segment_by").asText()).isEqualTo("segment");
        List<JsonNode> segments = ApiResponse.list(report.path("by_segment"));
        assertThat(segments).extracting(s -> s.path("segment").asText()).containsExactly("enterprise", "smb");
        for (JsonNode segment : segments) {
            assertThat(segment.path("starting_mrr").toString()).isEqualTo("440000.00");
            assertThat(segment.path("starting_customers").asLong()).isEqualTo(44);
            assertThat(segment.path("by_product_line")).isNotEmpty();
        }
        // enterprise (c44..c87): b2 21,000 and a2 9,500; smb: b1 21,000, c1 28,000, a1 9,500
        assertThat(segments.get(0).path("cohort_cross_sell_mrr").toString()).isEqualTo("30500.00");
        assertThat(segments.get(1).path("cohort_cross_sell_mrr").toString()).isEqualTo("58500.00");
        assertThat(sum(segments, "cross_sell_mrr")).isEqualByComparingTo(report.path("cross_sell_mrr").decimalValue());
        assertThat(sum(segments, "ending_mrr")).isEqualByComparingTo(report.path("ending_mrr").decimalValue());
    }

    @Test
    void everyMalformedWindowIsA400NamingTheParameter() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("to=2026-01-01", "from");
        cases.put("from=2025-01-01", "to");
        cases.put("", "from");
        cases.put("from=&to=2026-01-01", "from");
        cases.put("from=2025-13-01&to=2026-01-01", "from");
        cases.put("from=01/01/2025&to=2026-01-01", "from");
        cases.put("from=2025-01-01&to=2026-02-30", "to");
        cases.put("from=2025-01-01&to=tomorrow", "to");
        cases.put("from=2025-06-01&to=2025-06-01", "to");
        cases.put("from=2025-06-01&to=2025-01-01", "to");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            for (String endpoint : List.of("cross-sell", "movements")) {
                JsonNode problem = get("/v1/metrics/" + endpoint + "?" + c.getKey()).expectBadParameter(c.getValue());
                assertThat(problem.path("type").asText()).endsWith("/invalid-parameter");
            }
        }
        JsonNode reversed = get("/v1/metrics/cross-sell?from=2025-06-01&to=2025-01-01").expectBadParameter("to");
        assertThat(reversed.path("detail").asText()).contains("2025-06-01", "2025-01-01");
    }

    @Test
    void anUnknownSegmentAttributeIsA400NamingSegmentBy() {
        JsonNode problem = get("/v1/metrics/cross-sell?" + WINDOW + "&segment_by=industry").expectBadParameter("segment_by");
        assertThat(problem.path("detail").asText()).contains("industry", "segment");
        get("/v1/metrics/cross-sell?" + WINDOW + "&segment_by=").expectBadParameter("segment_by");
    }

    @Test
    void monthlyMovementsChainFromOneMonthToTheNextAndSumTheMovements() {
        ApiResponse response = get("/v1/metrics/movements?" + WINDOW + "&granularity=month");
        JsonNode series = response.expectJson(200);

        assertThat(response.dataVersion()).isEqualTo(1);
        assertThat(series.path("granularity").asText()).isEqualTo("month");
        assertThat(series.path("currency").asText()).isEqualTo("USD");
        List<JsonNode> periods = ApiResponse.list(series.path("periods"));
        assertThat(periods).hasSize(12);
        LocalDate month = LocalDate.parse(WorkedExample.FROM);
        Map<String, String> crossSellByMonth = new LinkedHashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            JsonNode period = periods.get(i);
            assertThat(period.path("from").asText()).isEqualTo(month.plusMonths(i).toString());
            assertThat(period.path("to").asText()).isEqualTo(month.plusMonths(i + 1).toString());
            if (i > 0) {
                assertThat(period.path("starting_mrr")).as("month %d starts where month %d ended", i + 1, i)
                        .isEqualTo(periods.get(i - 1).path("ending_mrr"));
            }
            BigDecimal movements = BigDecimal.ZERO;
            for (String field : MOVEMENT_FIELDS) {
                movements = movements.add(period.path(field).decimalValue());
            }
            BigDecimal change = period.path("ending_mrr").decimalValue().subtract(period.path("starting_mrr").decimalValue());
            assertThat(movements).as("movements of %s", period.path("from").asText()).isEqualByComparingTo(change);
            assertThat(period.path("net_mrr_change").decimalValue()).isEqualByComparingTo(change);
            crossSellByMonth.put(period.path("from").asText().substring(0, 7), period.path("cross_sell_mrr").toString());
        }
        assertThat(periods.get(0).path("starting_mrr").toString()).isEqualTo("880000.00");
        assertThat(periods.get(11).path("ending_mrr").toString()).isEqualTo("969000.00");
        assertThat(crossSellByMonth).containsEntry("2025-01", "0.00").containsEntry("2025-02", "9500.00")
                .containsEntry("2025-03", "21000.00").containsEntry("2025-05", "28000.00")
                .containsEntry("2025-07", "21000.00").containsEntry("2025-11", "9500.00")
                .containsEntry("2025-12", "0.00");
        assertThat(sum(periods, "cross_sell_mrr")).isEqualByComparingTo("89000");
    }

    @Test
    void quarterlyMovementsAndTheMonthlyDefault() {
        List<JsonNode> quarters = ApiResponse.list(
                get("/v1/metrics/movements?" + WINDOW + "&granularity=quarter").expectJson(200).path("periods"));
        assertThat(quarters).extracting(p -> p.path("from").asText(), p -> p.path("cross_sell_mrr").toString())
                .containsExactly(tuple("2025-01-01", "30500.00"), tuple("2025-04-01", "28000.00"),
                        tuple("2025-07-01", "21000.00"), tuple("2025-10-01", "9500.00"));
        assertThat(get("/v1/metrics/movements?" + WINDOW).expectJson(200))
                .isEqualTo(get("/v1/metrics/movements?" + WINDOW + "&granularity=month").expectJson(200));
    }

    @Test
    void anUnknownGranularityIsA400NamingGranularity() {
        for (String granularity : List.of("fortnight", "day", "months")) {
            JsonNode problem = get("/v1/metrics/movements?" + WINDOW + "&granularity=" + granularity)
                    .expectBadParameter("granularity");
            assertThat(problem.path("detail").asText()).contains(granularity);
        }
    }

    @Test
    void aSeriesOfMoreThanAThousandPeriodsIsA400NamingGranularity() {
        // 83 years and 4 months: 1000 months exactly
        JsonNode longest = get("/v1/metrics/movements?from=2000-01-01&to=2083-05-01&granularity=month").expectJson(200);
        assertThat(longest.path("periods")).hasSize(1000);
        get("/v1/metrics/movements?from=2000-01-01&to=2083-06-01&granularity=month").expectBadParameter("granularity");
        JsonNode problem = get("/v1/metrics/movements?from=0001-01-01&to=9999-12-31&granularity=week")
                .expectBadParameter("granularity");
        assertThat(problem.path("detail").asText()).contains("1000", "week");
        assertThat(get("/v1/metrics/movements?from=0001-01-01&to=0901-01-01&granularity=year").expectJson(200)
                .path("periods")).hasSize(900);
    }

    @Test
    void penetrationGivesHoldersPerLineProductsPerCustomerAndTheDistribution() {
        ApiResponse response = get("/v1/metrics/penetration?date=2025-12-31");
        JsonNode penetration = response.expectJson(200);

        assertThat(response.dataVersion()).isEqualTo(1);
        assertThat(penetration.path("date").asText()).isEqualTo("2025-12-31");
        assertThat(penetration.path("active_customers").asLong()).isEqualTo(88);
        assertThat(ApiResponse.list(penetration.path("lines")))
                .extracting(l -> l.path("product_line").asText(), l -> l.path("holders").asLong(),
                        l -> l.path("penetration_pct").toString())
                .containsExactlyInAnyOrder(tuple("core", 88L, "100.00"), tuple("product_b", 2L, "2.27"),
                        tuple("product_c", 1L, "1.14"), tuple("add_on", 2L, "2.27"));
        // 93 lines held by 88 customers
        assertThat(penetration.path("products_per_customer").toString()).isEqualTo("1.06");
        assertThat(penetration.path("distribution")).isEqualTo(ApiResponse.parse("{\"1\":83,\"2\":5,\"3\":0,\"4+\":0}"));

        JsonNode before = get("/v1/metrics/penetration?date=2024-12-31").expectJson(200);
        assertThat(before.path("products_per_customer").toString()).isEqualTo("1.00");
        assertThat(before.path("distribution")).isEqualTo(ApiResponse.parse("{\"1\":88,\"2\":0,\"3\":0,\"4+\":0}"));
    }

    @Test
    void aMissingOrMalformedDateIsA400NamingDate() {
        for (String query : List.of("", "?date=", "?date=2025-02-30", "?date=yesterday", "?day=2025-01-01")) {
            get("/v1/metrics/penetration" + query).expectBadParameter("date");
        }
    }

    private static BigDecimal sum(List<JsonNode> nodes, String field) {
        return nodes.stream().map(n -> n.path(field).decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
