package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.server.fixture.WorkedExample;
import io.xsell.server.fixture.Zips;
import io.xsell.server.persistence.Dialect;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET/PUT /v1/display-names} and the names beside ids in the metric answers: the mapping's
 * round trip, its bounds, its tenant scope, its precedence over products.csv's
 * {@code product_line_name}, and cached answers that change with it. Runs once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DisplayNamesApiTest {
    private static final String CROSS_SELL = "/v1/metrics/cross-sell?from=" + WorkedExample.FROM + "&to="
            + WorkedExample.TO + "&segment_by=segment";
    private static final String MAPPING = """
            {"product_lines": {"product_b": "Premium Support 株式会社", "add_on": "Add-on"},
             "segments": {"segment": {"smb": "Small business", "enterprise": "Предприятие"}}}""";

    abstract XsellApp app();

    static XsellApp server(Dialect dialect) {
        return XsellApp.on(dialect);
    }

    /** The worked example whose products.csv names two lines. */
    private static byte[] namedExample() {
        Map<String, String> files = new LinkedHashMap<>(WorkedExample.files());
        files.put("products.csv", """
                product_id,name,product_line,kind,product_line_name
                core,Core platform,core,core,Core Platform
                B,Product B,product_b,module,Product B (CSV)
                C,Product C,product_c,module,
                addon,Add-on,add_on,add_on,
                """);
        return Zips.zip(files);
    }

    private ApiResponse put(String key, String json) {
        return app().send(app().request("/v1/display-names", key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private static JsonNode line(JsonNode lines, String id) {
        return ApiResponse.list(lines).stream().filter(l -> l.path("product_line").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + id + " in " + lines));
    }

    @Test
    void theMappingRoundTripsAndItsNamesStandBesideTheIdsOverTheCsvNames() {
        String key = app().createTenant("names").apiKey();
        app().postZip(key, namedExample()).expectJson(201);
        assertThat(app().get("/v1/display-names", key).expectJson(200).toString())
                .isEqualTo("{\"product_lines\":{},\"segments\":{}}");

        JsonNode stored = put(key, MAPPING).expectJson(200);
        JsonNode read = app().get("/v1/display-names", key).expectJson(200);
        assertThat(read).isEqualTo(stored).isEqualTo(ApiResponse.parse(MAPPING));

        JsonNode report = app().get(CROSS_SELL, key).expectJson(200);
        JsonNode lines = report.path("by_product_line");
        assertThat(line(lines, "core").path("product_line_name").asText()).as("the CSV name").isEqualTo("Core Platform");
        assertThat(line(lines, "product_b").path("product_line_name").asText()).as("the mapping wins")
                .isEqualTo("Premium Support 株式会社");
        assertThat(line(lines, "product_c").path("product_line_name").asText()).as("no name: the id")
                .isEqualTo("product_c");
        Map<String, String> segments = new LinkedHashMap<>();
        report.path("by_segment").forEach(s -> segments.put(s.path("segment").asText(), s.path("segment_name").asText()));
        assertThat(segments).containsEntry("smb", "Small business").containsEntry("enterprise", "Предприятие");
        JsonNode smb = ApiResponse.list(report.path("by_segment")).stream()
                .filter(s -> s.path("segment").asText().equals("smb")).findFirst().orElseThrow();
        assertThat(line(smb.path("by_product_line"), "add_on").path("product_line_name").asText()).isEqualTo("Add-on");

        JsonNode penetration = app().get("/v1/metrics/penetration?date=2025-12-31", key).expectJson(200);
        assertThat(line(penetration.path("lines"), "product_b").path("product_line_name").asText())
                .isEqualTo("Premium Support 株式会社");

        // an empty mapping removes it: the CSV names show again
        put(key, "{}").expectJson(200);
        assertThat(line(app().get(CROSS_SELL, key).expectJson(200).path("by_product_line"), "product_b")
                .path("product_line_name").asText()).isEqualTo("Product B (CSV)");
    }

    @Test
    void aChangeOfNamesChangesTheCachedAnswers() {
        String key = app().createTenant("names-cache").apiKey();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
        ApiResponse before = app().get(CROSS_SELL, key);
        assertThat(line(before.expectJson(200).path("by_product_line"), "product_b").path("product_line_name").asText())
                .isEqualTo("product_b");
        assertThat(app().get(CROSS_SELL, key).body()).as("cached").isEqualTo(before.body());

        put(key, MAPPING).expectJson(200);

        ApiResponse after = app().get(CROSS_SELL, key);
        assertThat(after.dataVersion()).isGreaterThan(before.dataVersion());
        assertThat(line(after.expectJson(200).path("by_product_line"), "product_b").path("product_line_name").asText())
                .isEqualTo("Premium Support 株式会社");
        assertThat(after.json().path("cross_sell_mrr")).as("the numbers are unchanged")
                .isEqualTo(before.json().path("cross_sell_mrr"));
    }

    @Test
    void theMappingIsTheTenantsOwn() {
        String one = app().createTenant("names-one").apiKey();
        String other = app().createTenant("names-other").apiKey();
        app().postZip(one, WorkedExample.zip()).expectJson(201);
        app().postZip(other, WorkedExample.zip()).expectJson(201);

        put(one, MAPPING).expectJson(200);

        assertThat(app().get("/v1/display-names", other).expectJson(200).path("product_lines").size()).isZero();
        assertThat(line(app().get(CROSS_SELL, other).expectJson(200).path("by_product_line"), "product_b")
                .path("product_line_name").asText()).isEqualTo("product_b");
        assertThat(app().get("/v1/display-names", null).status()).isEqualTo(401);
    }

    @Test
    void anInvalidMappingIsRefusedNamingTheFieldAndChangesNothing() {
        String key = app().createTenant("names-invalid").apiKey();
        put(key, MAPPING).expectJson(200);

        JsonNode tooLong = put(key, "{\"product_lines\": {\"core\": \"" + "x".repeat(201) + "\"}, "
                + "\"segments\": {\"segment\": {\"smb\": \" \"}}}").expectProblem(422);
        assertThat(ApiResponse.list(tooLong.path("errors"))).extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("product_lines.core", "segments.segment.smb");

        JsonNode wrongShape = put(key, "{\"product_lines\": [\"core\"]}").expectProblem(422);
        assertThat(wrongShape.path("errors").get(0).path("field").asText()).isEqualTo("product_lines");
        JsonNode unknown = put(key, "{\"lines\": {}}").expectProblem(422);
        assertThat(unknown.path("errors").get(0).path("field").asText()).isEqualTo("lines");

        StringBuilder many = new StringBuilder("{\"product_lines\": {");
        for (int i = 0; i <= 5000; i++) {
            many.append(i == 0 ? "" : ",").append("\"l").append(i).append("\": \"L\"");
        }
        JsonNode tooMany = put(key, many.append("}}").toString()).expectProblem(422);
        assertThat(tooMany.path("errors").get(0).path("field").asText()).isEqualTo("body");

        assertThat(app().get("/v1/display-names", key).expectJson(200)).isEqualTo(ApiResponse.parse(MAPPING));
        assertThat(List.of(tooLong, wrongShape, unknown, tooMany)).allSatisfy(p ->
                assertThat(p.path("type").asText()).endsWith("invalid-display-names"));
    }
}
