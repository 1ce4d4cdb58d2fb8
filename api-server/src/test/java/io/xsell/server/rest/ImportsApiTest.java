package io.xsell.server.rest;

import io.xsell.server.fixture.Zips;
import io.xsell.server.fixture.WorkedExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.server.persistence.Dialect;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /v1/imports}, {@code GET /v1/imports} and {@code GET /v1/imports/{id}} against the
 * running server, including every way an upload is refused: each refusal must answer a problem,
 * store nothing and leave the server serving. Runs once per database (see the subclasses); every
 * test works with a tenant of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportsApiTest {
    static final int MAX_UPLOAD = 64 * 1024;
    static final int MAX_UNCOMPRESSED = 1024 * 1024;
    private static final String CROSS_SELL = "/v1/metrics/cross-sell?from=" + WorkedExample.FROM + "&to=" + WorkedExample.TO;

    abstract XsellApp app();

    static XsellApp server(Dialect dialect) {
        return XsellApp.on(dialect).with("maxUploadSize", "64KiB").with("maxUncompressedSize", "1MiB");
    }

    private String newTenant() {
        return app().createTenant("imports").apiKey();
    }

    @Test
    void aZipIsImportedTheSameFilesAgainAreUnchangedAndChangedFilesReplaceTheData() {
        String key = newTenant();
        assertThat(app().get("/v1/imports", key).expectJson(200)).isEmpty();

        ApiResponse first = app().postZip(key, WorkedExample.zip());
        JsonNode created = first.expectJson(201);
        String id = created.path("id").asText();
        assertThat(id).isNotBlank();
        assertThat(created.path("source").asText()).isEqualTo("csv");
        assertThat(created.path("status").asText()).isEqualTo("imported");
        assertThat(created.path("data_version").asLong()).isEqualTo(1);
        assertThat(Instant.parse(created.path("created_at").asText())).isBefore(Instant.now().plusSeconds(1));
        assertCounts(created, 88, 4, 93);
        assertThat(first.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/v1/imports/" + id));
        JsonNode located = app().get(URI.create(first.header("Location").orElseThrow()).getRawPath(), key)
                .expectJson(200);
        assertThat(located).isEqualTo(created);
        JsonNode before = app().get(CROSS_SELL, key).expectJson(200);
        assertThat(before.path("starting_mrr").toString()).isEqualTo("880000.00");
        assertThat(before.path("cohort_cross_sell_mrr").toString()).isEqualTo("89000.00");

        // the same files, zipped again in another order with other timestamps and compression
        byte[] rezipped = Zips.rezipped(WorkedExample.files());
        assertThat(rezipped).isNotEqualTo(WorkedExample.zip());
        for (byte[] same : new byte[][] {rezipped, WorkedExample.zip()}) {
            ApiResponse again = app().postZip(key, same);
            JsonNode unchanged = again.expectJson(200);
            assertThat(unchanged.path("status").asText()).isEqualTo("unchanged");
            assertThat(unchanged.path("id").asText()).isEqualTo(id);
            assertThat(unchanged.path("data_version").asLong()).isEqualTo(1);
            assertThat(again.header("Location")).isEmpty();
        }
        ApiResponse stillFirst = app().get(CROSS_SELL, key);
        assertThat(stillFirst.json()).isEqualTo(before);
        assertThat(stillFirst.dataVersion()).isEqualTo(1);
        assertThat(app().get("/v1/imports", key).expectJson(200)).hasSize(1);

        // changed files: one customer and both product B items are gone at the source
        ApiResponse second = app().postZip(key, Zips.zip(WorkedExample.changedFiles()));
        JsonNode replaced = second.expectJson(201);
        String secondId = replaced.path("id").asText();
        assertThat(secondId).isNotEqualTo(id);
        assertThat(replaced.path("status").asText()).isEqualTo("imported");
        assertThat(replaced.path("data_version").asLong()).isEqualTo(2);
        assertCounts(replaced, 87, 4, 90);
        assertThat(second.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/v1/imports/" + secondId));

        ApiResponse afterResponse = app().get(CROSS_SELL, key);
        JsonNode after = afterResponse.expectJson(200);
        assertThat(afterResponse.dataVersion()).isEqualTo(2);
        // replaced, not merged: the removed customer and product B items count no more
        assertThat(after.path("starting_mrr").toString()).isEqualTo("870000.00");
        assertThat(after.path("starting_customers").asLong()).isEqualTo(87);
        assertThat(after.path("cohort_cross_sell_mrr").toString()).isEqualTo("47000.00");
        JsonNode productB = line(after, "product_b");
        assertThat(productB.path("cross_sell_mrr").toString()).isEqualTo("0.00");
        assertThat(productB.path("holders").asLong()).isZero();

        JsonNode list = app().get("/v1/imports", key).expectJson(200);
        assertThat(ApiResponse.list(list)).extracting(i -> i.path("id").asText(), i -> i.path("data_version").asLong())
                .containsExactly(tuple(secondId, 2L), tuple(id, 1L));
        assertThat(list.get(0)).isEqualTo(replaced);
        assertThat(list.get(1)).isEqualTo(created);
        assertThat(ApiResponse.list(app().get("/v1/imports?limit=1", key).expectJson(200)))
                .extracting(i -> i.path("id").asText()).containsExactly(secondId);
        assertThat(app().get("/v1/imports/" + id, key).expectJson(200)).isEqualTo(created);
        assertThat(app().get("/v1/imports/" + secondId, key).expectJson(200)).isEqualTo(replaced);

        // "unchanged" compares with the latest import only: the first files again are a new import
        JsonNode third = app().postZip(key, WorkedExample.zip()).expectJson(201);
        assertThat(third.path("data_version").asLong()).isEqualTo(3);
        assertThat(app().get(CROSS_SELL, key).expectJson(200).path("cohort_cross_sell_mrr").toString())
                .isEqualTo("89000.00");
    }

    @Test
    void badDataIsRejectedWithEveryErrorNamingFileLineAndColumnAndNothingIsStored() {
        String key = newTenant();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
        Snapshot before = snapshot(key);

        Map<String, String> bad = WorkedExample.files();
        bad.put("customers.csv", bad.get("customers.csv") + "c5,Customer 5 again,smb\n");
        bad.put("products.csv", bad.get("products.csv")
                .replace("B,Product B,product_b,module", "B,Product B,product_b,gadget"));
        bad.put("subscription_items.csv",
                "item_id,customer_id,product_id,start_date,end_date,unit_amount,quantity,currency,interval,bundle_id\n"
                        + "i1,c0,core,2025-01-01,2024-01-01,10,,USD,month,\n"
                        + "i2,nobody,core,2025-01-01,,10,,USD,fortnight,\n"
                        + "i3,c1,core,2025-01-01,,-5,,USD,month,\n");
        JsonNode problem = app().postZip(key, Zips.zip(bad)).expectProblem(422);

        assertThat(problem.path("type").asText()).endsWith("/invalid-import");
        assertThat(problem.path("detail").asText()).contains("6 error(s)", "nothing was stored");
        assertThat(ApiResponse.list(problem.path("errors")))
                .extracting(e -> e.path("file").asText(), e -> e.path("line").asInt(), e -> e.path("field").asText())
                .containsExactlyInAnyOrder(
                        tuple("customers.csv", 90, "customer_id"),
                        tuple("products.csv", 3, "kind"),
                        tuple("subscription_items.csv", 2, "end_date"),
                        tuple("subscription_items.csv", 3, "customer_id"),
                        tuple("subscription_items.csv", 3, "interval"),
                        tuple("subscription_items.csv", 4, "unit_amount"));
        Map<String, String> messages = new LinkedHashMap<>();
        problem.path("errors").forEach(e -> messages.put(e.path("file").asText() + ":" + e.path("line").asInt() + ":"
                + e.path("field").asText(), e.path("message").asText()));
        assertThat(messages).containsEntry("customers.csv:90:customer_id", "duplicate customer_id 'c5' (first on line 7)");
        assertThat(messages.get("products.csv:3:kind")).contains("gadget");
        assertThat(messages.get("subscription_items.csv:2:end_date")).contains("2024-01-01");
        assertThat(messages.get("subscription_items.csv:3:customer_id")).contains("nobody");
        assertThat(messages.get("subscription_items.csv:3:interval")).contains("fortnight");
        assertThat(messages.get("subscription_items.csv:4:unit_amount")).contains("-5");

        assertNothingStoredAndStillServing(key, before);
    }

    @Test
    void aBodyThatIsNotAZipIsA400() {
        String key = newTenant();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
        Snapshot before = snapshot(key);

        JsonNode csv = app().postZip(key, WorkedExample.files().get("customers.csv").getBytes(StandardCharsets.UTF_8))
                .expectProblem(400);
        assertThat(csv.path("type").asText()).endsWith("/not-a-zip");
        assertThat(csv.path("detail").asText()).contains("not a zip");
        JsonNode empty = app().postZip(key, new byte[0]).expectProblem(400);
        assertThat(empty.path("type").asText()).endsWith("/not-a-zip");
        byte[] zip = WorkedExample.zip();
        JsonNode truncated = app().postZip(key, Arrays.copyOf(zip, zip.length / 2)).expectProblem(400);
        assertThat(truncated.path("type").asText()).endsWith("/not-a-zip");
        assertThat(truncated.path("detail").asText()).contains("corrupt");

        assertNothingStoredAndStillServing(key, before);
    }

    @Test
    void aBodyThatIsNotDeclaredAsAZipIsA415() {
        String key = newTenant();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
        Snapshot before = snapshot(key);

        for (String type : new String[] {"text/csv", "application/json", "application/octet-stream"}) {
            JsonNode problem = app().post("/v1/imports", key, type, WorkedExample.zip()).expectProblem(415);
            assertThat(problem.path("type").asText()).endsWith("/unsupported-media-type");
            assertThat(problem.path("title").asText()).isEqualTo("Unsupported Media Type");
        }
        JsonNode untyped = app().send(app().request("/v1/imports", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(WorkedExample.zip())).build())
                .expectProblem(415);
        assertThat(untyped.path("detail").asText()).contains("Content-Type: application/zip");

        assertNothingStoredAndStillServing(key, before);
    }

    @Test
    void aZipWithTooManyEntriesIsA413() {
        String key = newTenant();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
        Snapshot before = snapshot(key);
        java.util.Map<String, String> files = new java.util.TreeMap<>(WorkedExample.files());
        for (int i = 0; i < 101; i++) {
            files.put("extra/notes" + i + ".txt", "x");
        }

        JsonNode problem = app().postZip(key, Zips.zip(files)).expectProblem(413);

        assertThat(problem.path("type").asText()).endsWith("/zip-too-many-entries");
        assertNothingStoredAndStillServing(key, before);
    }

    @Test
    void anUploadOverMaxUploadSizeIsA413() {
        String key = newTenant();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
        Snapshot before = snapshot(key);

        // a well-formed zip whose only fault is its size: random bytes do not compress
        byte[] noise = new byte[MAX_UPLOAD + 16 * 1024];
        new Random(42).nextBytes(noise);
        Map<String, String> files = WorkedExample.files();
        files.put("notes.txt", HexFormat.of().formatHex(noise));
        byte[] large = Zips.zip(files);
        assertThat(large.length).isGreaterThan(MAX_UPLOAD);
        JsonNode problem = app().postZip(key, large).expectProblem(413);
        assertThat(problem.path("type").asText()).endsWith("/upload-too-large");
        assertThat(problem.path("detail").asText()).contains(String.valueOf(MAX_UPLOAD));
        // raw bytes too, without any zip structure
        app().postZip(key, noise).expectProblem(413);

        assertNothingStoredAndStillServing(key, before);
    }

    @Test
    void aZipBombIsA413() {
        String key = newTenant();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
        Snapshot before = snapshot(key);

        byte[] bomb = Zips.zeros("customers.csv", 8 * MAX_UNCOMPRESSED);
        assertThat(bomb.length).as("the bomb itself is small enough to be uploaded").isLessThan(MAX_UPLOAD);
        JsonNode problem = app().postZip(key, bomb).expectProblem(413);
        assertThat(problem.path("type").asText()).endsWith("/zip-too-large");
        assertThat(problem.path("detail").asText()).contains(String.valueOf(MAX_UNCOMPRESSED));

        assertNothingStoredAndStillServing(key, before);
    }

    @Test
    void aZipBombHiddenFromTheCentralDirectoryIsA413Too() {
        String key = newTenant();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
        Snapshot before = snapshot(key);

        // the importer streams the local entries; the bomb check must look at those, not only at the
        // central directory, which here lists nothing but the harmless worked example
        byte[] smuggled = Zips.smuggled(Zips.zeros("customers.csv", 8 * MAX_UNCOMPRESSED), WorkedExample.zip());
        assertThat(smuggled.length).isLessThan(MAX_UPLOAD);
        JsonNode problem = app().postZip(key, smuggled).expectProblem(413);
        assertThat(problem.path("type").asText()).endsWith("/zip-too-large");

        // a small hidden file would be imported although the central directory does not list it:
        // such an archive is refused, neither imported nor taken for the unchanged worked example
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("one_time_charges.csv", "charge_id,customer_id,date,amount,currency\nx1,c0,2025-03-01,100,USD\n");
        JsonNode inconsistent = app().postZip(key, Zips.smuggled(Zips.zip(hidden), WorkedExample.zip())).expectProblem(400);
        assertThat(inconsistent.path("type").asText()).endsWith("/not-a-zip");

        assertNothingStoredAndStillServing(key, before);
    }

    @Test
    void aZipEntryThatWouldEscapeItsFolderIsRejectedByName() {
        String key = newTenant();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
        Snapshot before = snapshot(key);

        for (String entry : new String[] {"../customers.csv", "data/../../customers.csv", "/customers.csv"}) {
            Map<String, String> files = new LinkedHashMap<>(WorkedExample.files());
            files.put(entry, "customer_id\nintruder\n");
            ApiResponse response = app().postZip(key, Zips.zip(files));
            assertThat(response.status()).as(response.text()).isBetween(400, 499);
            JsonNode problem = response.expectProblem(response.status());
            assertThat(ApiResponse.list(problem.path("errors"))).as(entry)
                    .anySatisfy(e -> {
                        assertThat(e.path("file").asText()).isEqualTo(entry);
                        assertThat(e.path("message").asText()).contains(entry);
                    });
        }

        assertNothingStoredAndStillServing(key, before);
    }

    @Test
    void anImportIsFoundOnlyByItsOwnIdAndLimitIsChecked() {
        String key = newTenant();
        JsonNode created = app().postZip(key, WorkedExample.zip()).expectJson(201);

        for (String unknown : new String[] {"no-such-import", "00000000-0000-0000-0000-000000000000",
                created.path("id").asText().toUpperCase(Locale.ROOT)}) {
            JsonNode problem = app().get("/v1/imports/" + unknown, key).expectProblem(404);
            assertThat(problem.path("type").asText()).endsWith("/not-found");
            assertThat(problem.path("detail").asText()).contains(unknown);
        }
        for (String limit : new String[] {"0", "1001", "-1", "abc", "1.5"}) {
            app().get("/v1/imports?limit=" + limit, key).expectBadParameter("limit");
        }
        assertThat(app().get("/v1/imports?limit=1000", key).expectJson(200)).hasSize(1);
    }

    private record Snapshot(JsonNode imports, JsonNode crossSell, long dataVersion) {
    }

    private Snapshot snapshot(String key) {
        ApiResponse metrics = app().get(CROSS_SELL, key);
        return new Snapshot(app().get("/v1/imports", key).expectJson(200), metrics.expectJson(200), metrics.dataVersion());
    }

    /**
     * Nothing of the refused upload was stored: the import list, the metrics and the data version
     * are as before. And the server still takes uploads: the latest files again are "unchanged".
     */
    private void assertNothingStoredAndStillServing(String key, Snapshot before) {
        Snapshot after = snapshot(key);
        assertThat(after.imports()).isEqualTo(before.imports());
        assertThat(after.crossSell()).isEqualTo(before.crossSell());
        assertThat(after.dataVersion()).isEqualTo(before.dataVersion());
        JsonNode again = app().postZip(key, Zips.rezipped(WorkedExample.files())).expectJson(200);
        assertThat(again.path("status").asText()).isEqualTo("unchanged");
        assertThat(again.path("id").asText()).isEqualTo(before.imports().get(0).path("id").asText());
    }

    private static void assertCounts(JsonNode record, long customers, long products, long items) {
        JsonNode counts = record.path("counts");
        assertThat(counts.path("customers").asLong()).isEqualTo(customers);
        assertThat(counts.path("products").asLong()).isEqualTo(products);
        assertThat(counts.path("subscription_items").asLong()).isEqualTo(items);
        assertThat(counts.path("one_time_charges").asLong()).isZero();
        assertThat(counts.path("fx_rates").asLong()).isZero();
    }

    static JsonNode line(JsonNode report, String productLine) {
        for (JsonNode line : report.path("by_product_line")) {
            if (line.path("product_line").asText().equals(productLine)) {
                return line;
            }
        }
        throw new AssertionError("no line " + productLine + " in " + report);
    }
}
