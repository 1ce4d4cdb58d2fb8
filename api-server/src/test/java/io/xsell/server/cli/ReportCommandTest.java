package io.xsell.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.xsell.server.fixture.WorkedExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    /** Reads numbers exactly as printed, so "21000.00" stays "21000.00". */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** Every field of the window metric set (spec/metrics.md section 4) that the API must carry. */
    private static final List<String> WINDOW_FIELDS = List.of("starting_mrr", "ending_mrr", "starting_customers",
            "ending_customers", "new_business_mrr", "reactivation_mrr", "upsell_mrr", "contraction_mrr",
            "line_churn_mrr", "churn_mrr", "cross_sell_mrr", "cohort_cross_sell_mrr", "bundle_cross_sell_mrr",
            "standalone_cross_sell_mrr", "expansion_mrr", "cross_sell_share_of_expansion_pct", "cross_sell_rate_pct",
            "annualized_cross_sell_rate_pct", "customer_cross_sell_rate_pct", "rpa_cross_sell", "attachment_rate",
            "products_per_customer", "net_mrr_change", "incremental_revenue");

    @TempDir
    Path dir;

    private Path workedExample() throws IOException {
        WorkedExample.writeTo(dir, WorkedExample.files());
        return dir;
    }

    @Test
    void reproducesTheWorkedExampleThroughTheCsvFiles() throws IOException {
        CommandRunner.Result result = CommandRunner.run("report", "--data", workedExample().toString(),
                "--from", "2025-01-01", "--to", "2026-01-01");

        assertThat(result.succeeded()).as(result.stderr()).isTrue();
        JsonNode report = JSON.readTree(result.stdout());
        assertThat(report.get("from").asText()).isEqualTo("2025-01-01");
        assertThat(report.get("to").asText()).isEqualTo("2026-01-01");
        assertThat(report.get("currency").asText()).isEqualTo("USD");
        assertThat(report.get("starting_mrr").decimalValue()).isEqualByComparingTo("880000");
        assertThat(report.get("cohort_cross_sell_mrr").decimalValue()).isEqualByComparingTo("89000");
        assertThat(report.get("cross_sell_rate_pct").toString()).isEqualTo("10.11");
        JsonNode lines = report.get("by_product_line");
        assertThat(lines.get(0).get("product_line").asText()).isEqualTo("product_b");
        assertThat(lines.get(0).get("share_of_cross_sell_pct").toString()).isEqualTo("47.19");
        assertThat(lines.get(1).get("product_line").asText()).isEqualTo("product_c");
        assertThat(lines.get(1).get("share_of_cross_sell_pct").toString()).isEqualTo("31.46");
        assertThat(lines.get(2).get("product_line").asText()).isEqualTo("add_on");
        assertThat(lines.get(2).get("share_of_cross_sell_pct").toString()).isEqualTo("21.35");
        assertThat(report.get("bundle_cross_sell_mrr").toString()).isEqualTo("21000.00");
        assertThat(report.has("by_segment")).isFalse();
    }

    @Test
    void printsEveryFieldNameOfTheContract() throws IOException {
        CommandRunner.Result result = CommandRunner.run("report", "--data", workedExample().toString(),
                "--from", "2025-01-01", "--to", "2026-01-01", "--segment-by", "segment");

        JsonNode report = JSON.readTree(result.stdout());
        assertThat(report.fieldNames()).toIterable().contains("from", "to", "currency", "by_product_line", "benchmark",
                "by_segment").containsAll(WINDOW_FIELDS);
        assertThat(report.get("by_product_line").get(0).fieldNames()).toIterable().contains("product_line",
                "cross_sell_mrr", "share_of_cross_sell_pct", "attaches", "penetration_pct", "upsell_mrr", "line_churn_mrr");
        assertThat(report.get("benchmark").fieldNames()).toIterable()
                .containsExactly("stage", "healthy_range_pct", "top_quartile_pct", "verdict");
        assertThat(report.get("benchmark").get("stage").asText()).isEqualTo("single_product");
        JsonNode segments = report.get("by_segment");
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).get("segment").asText()).isEqualTo("enterprise");
        assertThat(segments.get(0).fieldNames()).toIterable().contains("segment", "by_product_line").containsAll(WINDOW_FIELDS);
        assertThat(segments.get(0).get("starting_mrr").decimalValue()
                .add(segments.get(1).get("starting_mrr").decimalValue())).isEqualByComparingTo("880000");
    }

    @Test
    void aZeroDenominatorPrintsNull() throws IOException {
        Files.write(dir.resolve("customers.csv"), List.of("customer_id", "a"));
        Files.write(dir.resolve("products.csv"), List.of("product_id", "p"));
        Files.write(dir.resolve("subscription_items.csv"), List.of(
                "item_id,customer_id,product_id,start_date,unit_amount,currency,interval", "i1,a,p,2025-06-01,10,EUR,month"));
        CommandRunner.Result result = CommandRunner.run("report", "--data", dir.toString(),
                "--from", "2025-01-01", "--to", "2026-01-01");

        JsonNode report = JSON.readTree(result.stdout());
        assertThat(report.get("currency").asText()).isEqualTo("EUR");
        assertThat(report.get("cross_sell_rate_pct").isNull()).isTrue();
        assertThat(report.get("benchmark").get("verdict").isNull()).isTrue();
    }

    @Test
    void badDataPrintsEveryErrorOnStderrAndNothingOnStdout() throws IOException {
        workedExample();
        Files.write(dir.resolve("subscription_items.csv"), List.of(
                "item_id,customer_id,product_id,start_date,end_date,unit_amount,currency,interval",
                "i1,c0,core,2025-01-01,2024-01-01,10,USD,month",
                "i2,nobody,core,2025-01-01,,10,USD,fortnight"));
        CommandRunner.Result result = CommandRunner.run("report", "--data", dir.toString(),
                "--from", "2025-01-01", "--to", "2026-01-01");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("subscription_items.csv:2", "end_date", "subscription_items.csv:3",
                "customer_id", "interval", "fortnight");
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsAUsageError() throws IOException {
        CommandRunner.Result result = CommandRunner.run("report", "--data", workedExample().toString(),
                "--from", "2025-06-01", "--to", "2025-01-01");
        assertThat(result.failure()).containsInstanceOf(UsageException.class);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("--from (2025-06-01) must be before --to (2025-01-01)");
    }

    @Test
    void aMalformedDateNamesTheArgument() throws IOException {
        CommandRunner.Result result = CommandRunner.run("report", "--data", workedExample().toString(),
                "--from", "2025-13-01", "--to", "2026-01-01");
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("--from", "2025-13-01", "YYYY-MM-DD");
    }

    @Test
    void anUnknownSegmentAttributeIsNamed() throws IOException {
        CommandRunner.Result result = CommandRunner.run("report", "--data", workedExample().toString(),
                "--from", "2025-01-01", "--to", "2026-01-01", "--segment-by", "industry");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("industry", "segment");
    }

    @Test
    void aMissingDataFolderIsNamed() {
        CommandRunner.Result result = CommandRunner.run("report", "--data", dir.resolve("nope").toString(),
                "--from", "2025-01-01", "--to", "2026-01-01");
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("--data", "does not exist");
    }

    @Test
    void analyticsAddsEveryAnalyticAndLeavesTheReportAsItWas() throws IOException {
        Path data = workedExample();
        CommandRunner.Result plain = CommandRunner.run("report", "--data", data.toString(),
                "--from", "2025-01-01", "--to", "2026-01-01");
        CommandRunner.Result result = CommandRunner.run("report", "--data", data.toString(),
                "--from", "2025-01-01", "--to", "2026-01-01", "--analytics", "--gross-margin", "0.5");

        assertThat(result.succeeded()).as(result.stderr()).isTrue();
        JsonNode report = JSON.readTree(result.stdout());
        JsonNode analytics = report.get("analytics");
        List<String> members = new ArrayList<>();
        analytics.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactly("basket", "time_to_adoption", "churn_risk", "cohorts",
                "products_per_customer", "clv", "insights", "propensity", "campaigns", "journeys", "engagement");
        ((com.fasterxml.jackson.databind.node.ObjectNode) report).remove("analytics");
        assertThat(report).as("the report itself is unchanged").isEqualTo(JSON.readTree(plain.stdout()));
        assertThat(JSON.readTree(plain.stdout()).has("analytics")).isFalse();

        // the window's last day, the insights' cohort month, the requested margin
        assertThat(analytics.get("basket").get("date").asText()).isEqualTo("2025-12-31");
        assertThat(analytics.get("basket").get("active_customers").asLong()).isEqualTo(88);
        assertThat(analytics.get("cohorts").get("month").asText()).isEqualTo("2025-09");
        assertThat(analytics.get("clv").get("overall").get("gross_margin").toString()).isEqualTo("0.5000");
        assertThat(analytics.get("clv").get("overall").get("ending_mrr").toString()).isEqualTo("969000.00");
        assertThat(analytics.get("churn_risk").get("by_lines_held").get(0).get("customers").asLong()).isEqualTo(88);
        assertThat(analytics.get("products_per_customer").get("months")).hasSize(12);
        assertThat(analytics.get("time_to_adoption").get("lines").get(0).get("median_days").toString()).isEqualTo("548.00");
        assertThat(analytics.get("propensity").get("date").asText()).isEqualTo("2025-12-31");
        assertThat(analytics.get("propensity").get("horizon_days").asInt()).isEqualTo(90);
        assertThat(analytics.get("insights").get("insights").isArray()).isTrue();
        // a folder without campaigns.csv, touchpoints.csv, usage_events.csv: empty, with the window and defaults
        assertThat(analytics.get("campaigns").get("campaigns")).isEmpty();
        assertThat(analytics.get("campaigns").get("attribution_days").asInt()).isEqualTo(30);
        assertThat(analytics.get("campaigns").get("cross_sell_mrr").toString()).isEqualTo("89000.00");
        assertThat(analytics.get("campaigns").get("attributed_cross_sell_mrr").toString()).isEqualTo("0.00");
        assertThat(analytics.get("journeys").get("channels")).isEmpty();
        assertThat(analytics.get("journeys").get("adoption_days").asInt()).isEqualTo(30);
        assertThat(analytics.get("engagement").get("events").asLong()).isZero();
        assertThat(analytics.get("engagement").get("from").asText()).isEqualTo("2025-01-01");
    }

    @Test
    void analyticsReadTheEngagementFilesOfTheFolder() throws IOException {
        WorkedExample.writeTo(dir, WorkedExample.filesWithEngagement());
        CommandRunner.Result result = CommandRunner.run("report", "--data", dir.toString(),
                "--from", "2025-01-01", "--to", "2026-01-01", "--analytics");

        assertThat(result.succeeded()).as(result.stderr()).isTrue();
        JsonNode analytics = JSON.readTree(result.stdout()).get("analytics");
        JsonNode push = analytics.get("campaigns").get("campaigns").get(0);
        assertThat(push.get("campaign_id").asText()).isEqualTo("b-push");
        assertThat(push.get("roi_pct").toString()).isEqualTo("2420.00");
        assertThat(analytics.get("campaigns").get("campaigns").get(1).get("roi_pct").isNull()).isTrue();
        assertThat(analytics.get("journeys").get("channels").get(0).get("median_days_to_adoption").toString())
                .isEqualTo("9.00");
        assertThat(analytics.get("engagement").get("customers_with_usage").asLong()).isEqualTo(4);
    }

    @Test
    void analyticsOptionsAreCheckedAndNamed() throws IOException {
        Path data = workedExample();
        CommandRunner.Result margin = CommandRunner.run("report", "--data", data.toString(),
                "--from", "2025-01-01", "--to", "2026-01-01", "--analytics", "--gross-margin", "80");
        assertThat(margin.failure()).containsInstanceOf(UsageException.class);
        assertThat(margin.stdout()).isEmpty();
        assertThat(margin.stderr()).contains("--gross-margin", "between 0 and 1");

        CommandRunner.Result month = CommandRunner.run("report", "--data", data.toString(),
                "--from", "2025-01-01", "--to", "2026-01-01", "--analytics", "--cohort-month", "2025-13");
        assertThat(month.failure()).containsInstanceOf(UsageException.class);
        assertThat(month.stdout()).isEmpty();
        assertThat(month.stderr()).contains("--cohort-month", "2025-13", "YYYY-MM");

        CommandRunner.Result chosen = CommandRunner.run("report", "--data", data.toString(),
                "--from", "2025-01-01", "--to", "2026-01-01", "--analytics", "--cohort-month", "2025-03");
        assertThat(JSON.readTree(chosen.stdout()).get("analytics").get("cohorts").get("attached_customers").asInt())
                .isEqualTo(1);
    }
}
