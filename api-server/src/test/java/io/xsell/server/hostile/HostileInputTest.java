package io.xsell.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's hostile requests, and the class each stands for, against a server on a small heap in a
 * JVM of its own. Each answers a clear 4xx within seconds with a small body; another tenant is answered
 * meanwhile; the tenant's earlier data is intact and the server's heap stayed within its bound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration QUICK = Duration.ofSeconds(20);
    private static final int SMALL_BODY = 4 * 1024;
    /** The documented bound of an import's 422 body. */
    private static final int IMPORT_ERROR_BODY_MAX = 1 << 20;
    private static final Map<String, String> VALID = Map.of(
            "customers.csv", "customer_id,name,segment\nc1,Acme,smb\nc2,Globex,enterprise\n",
            "products.csv", "product_id,product_line,kind\ncore,core,core\ncrm,crm,module\n",
            "subscription_items.csv", "item_id,customer_id,product_id,start_date,unit_amount,currency,interval\n"
                    + "i1,c1,core,2024-01-01,100,USD,month\ni2,c1,crm,2024-06-01,50,USD,month\n"
                    + "i3,c2,core,2024-02-01,300,USD,month\n");

    @TempDir
    static Path dir;

    private ForkedServer server;
    private String alpha;
    private String beta;
    private String metricsBefore;
    private String campaignsBefore;

    @BeforeAll
    void start() throws Exception {
        server = new ForkedServer(dir);
        alpha = server.createTenant("alpha");
        beta = server.createTenant("beta");
        server.start();
        assertThat(send(alpha, importOf(zip(VALID))).statusCode()).isEqualTo(201);
        assertThat(send(alpha, batch("campaigns", "{\"campaigns\": [{\"campaign_id\": \"spring\", \"channel\": "
                + "\"email\", \"cost\": 1200.50, \"currency\": \"USD\", \"start_date\": \"2024-03-01\"}]}"))
                .statusCode()).isEqualTo(201);
        metricsBefore = send(alpha, get("/v1/metrics/cross-sell?from=2024-01-01&to=2025-01-01")).body();
        campaignsBefore = send(alpha, get("/v1/analytics/campaigns?from=2024-01-01&to=2025-01-01")).body();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void hugeExponentsInABatchAreRefusedWithoutBeingExpanded() throws Exception {
        for (String cost : new String[] {"1e200000000", "1e999999", "1E-999999", "1e13"}) {
            HttpResponse<String> answer = timed(alpha, batch("campaigns", campaign("\"cost\": " + cost)));

            assertThat(answer.statusCode()).as(cost).isEqualTo(422);
            assertThat(answer.body()).as(cost).contains("\"field\":\"cost\"").hasSizeLessThan(SMALL_BODY);
        }
    }

    @Test
    @Order(2)
    void longNumbersStringsAndDeepNestingAreRefused() throws Exception {
        HttpResponse<String> digits = timed(alpha, batch("campaigns", campaign("\"cost\": " + "9".repeat(400))));
        assertThat(digits.statusCode()).isEqualTo(400);
        assertThat(digits.body()).contains("malformed-json").hasSizeLessThan(SMALL_BODY);
        String name = "\"cost\": 1, \"name\": \"" + "n".repeat(1_000_000) + "\"";
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        for (String body : new String[] {campaign(name), "{\"campaigns\": " + deep + "}"}) {
            HttpResponse<String> answer = timed(alpha, batch("campaigns", body));

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("malformed-json").hasSizeLessThan(SMALL_BODY);
        }
        HttpResponse<String> longName = timed(alpha, batch("campaigns",
                campaign("\"cost\": 1, \"name\": \"" + "n".repeat(5000) + "\"")));
        assertThat(longName.statusCode()).isEqualTo(422);
        assertThat(longName.body()).contains("\"field\":\"name\"").contains("at most 1000 characters");
    }

    @Test
    @Order(3)
    void manyBadRowsInABatchGiveACappedList() throws Exception {
        StringBuilder rows = new StringBuilder("{\"usage_events\": [");
        for (int i = 0; i < 10_000; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"customer_id\": \"c1\", \"feature\": \"f\", \"date\": \"bad")
                    .append(i).append("\", \"count\": 0}");
        }
        HttpResponse<String> answer = timed(alpha, batch("usage-events", rows.append("]}").toString()));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(answer.body()).get("errors")).hasSize(1001);
        assertThat(answer.body().length()).isLessThan(IMPORT_ERROR_BODY_MAX);
    }

    @Test
    @Order(4)
    void hugeNamesAndAmountsInAnImportAreErrorsOnTheirCells() throws Exception {
        HttpResponse<String> answer = timed(alpha, importOf(zip(Map.of(
                "customers.csv", "customer_id,name\nc1," + "n".repeat(1_000_000) + "\nc2," + "m".repeat(5000) + "\n",
                "products.csv", VALID.get("products.csv"),
                "subscription_items.csv", VALID.get("subscription_items.csv")
                        .replace(",100,", "," + "9".repeat(400) + ",")))));

        assertThat(answer.statusCode()).isEqualTo(422);
        JsonNode errors = JSON.readTree(answer.body()).get("errors");
        assertThat(errors.toString())
                .contains("{\"file\":\"customers.csv\",\"line\":2,\"field\":\"name\",\"message\":\"the cell is longer")
                .contains("{\"file\":\"subscription_items.csv\",\"line\":2,\"field\":\"unit_amount\"");
        assertThat(answer.body()).hasSizeLessThan(SMALL_BODY);
    }

    @Test
    @Order(5)
    void manyBadCellsGiveABoundedBody() throws Exception {
        StringBuilder customers = new StringBuilder("customer_id,created_at\n");
        for (int i = 0; i < 5000; i++) {
            customers.append('c').append(i).append(',').append("9".repeat(9000)).append('\n');
        }
        HttpResponse<String> answer = timed(alpha, importOf(zip(Map.of("customers.csv", customers.toString(),
                "products.csv", VALID.get("products.csv"), "subscription_items.csv", "item_id\n"))));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(answer.body()).get("errors")).hasSize(1001);
        assertThat(answer.body().length()).isLessThan(IMPORT_ERROR_BODY_MAX);
    }

    @Test
    @Order(6)
    void thousandCellsOfOneAndAHalfMegabytesAreStoppedAtTheFirst() throws Exception {
        Path bomb = dir.resolve("cells.zip");
        writeBomb(bomb, 1000, 1_500_000);
        HttpResponse<String> answer = timedWhileOtherTenantIsAnswered(alpha, importOf(bomb));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("\"line\":2,\"field\":\"name\"").hasSizeLessThan(SMALL_BODY);
    }

    @Test
    @Order(7)
    void oneGigabyteCellIsStoppedAtTheCellBound() throws Exception {
        Path bomb = dir.resolve("gigabyte.zip");
        writeBomb(bomb, 1, 1 << 30);
        HttpResponse<String> answer = timedWhileOtherTenantIsAnswered(alpha, importOf(bomb));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("longer than 10000 characters").hasSizeLessThan(SMALL_BODY);
    }

    @Test
    @Order(8)
    void theServerStayedWithinItsHeapAndTheTenantsDataIsIntact() throws Exception {
        assertThat(server.alive()).as(server.log()).isTrue();
        assertThat(server.log()).doesNotContain("OutOfMemoryError");
        JsonNode gauges = JSON.readTree(server.admin("/metrics").body()).get("gauges");
        long max = gauges.get("jvm.memory.heap.max").get("value").asLong();
        assertThat(max).isLessThanOrEqualTo(512L << 20);
        assertThat(send(alpha, get("/v1/metrics/cross-sell?from=2024-01-01&to=2025-01-01")).body())
                .isEqualTo(metricsBefore);
        assertThat(send(alpha, get("/v1/analytics/campaigns?from=2024-01-01&to=2025-01-01")).body())
                .isEqualTo(campaignsBefore);
        assertThat(JSON.readTree(send(alpha, get("/v1/imports")).body()).toString()).contains("\"customers\":2");
    }

    private HttpResponse<String> timed(String key, HttpRequest.Builder request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = send(key, request);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICK);
        return answer;
    }

    /** Sends {@code request} and, while it runs, asks as another tenant: each of those answers is quick. */
    private HttpResponse<String> timedWhileOtherTenantIsAnswered(String key, HttpRequest.Builder request)
            throws Exception {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> hostile = server.http().sendAsync(
                request.header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        int answered = 0;
        do {
            long asked = System.nanoTime();
            assertThat(send(beta, get("/v1/imports")).statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(5));
            answered++;
        } while (!hostile.isDone() && answered < 1000);
        HttpResponse<String> answer = hostile.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        return answer;
    }

    private HttpResponse<String> send(String key, HttpRequest.Builder request) throws IOException, InterruptedException {
        return server.http().send(request.header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60)).GET();
    }

    private HttpRequest.Builder batch(String path, String body) {
        return HttpRequest.newBuilder(server.uri("/v1/" + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder importOf(byte[] zip) {
        return HttpRequest.newBuilder(server.uri("/v1/imports")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip));
    }

    private HttpRequest.Builder importOf(Path zip) throws IOException {
        return HttpRequest.newBuilder(server.uri("/v1/imports")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofFile(zip));
    }

    private static String campaign(String fields) {
        return "{\"campaigns\": [{\"campaign_id\": \"x\", \"channel\": \"email\", \"currency\": \"USD\", "
                + "\"start_date\": \"2024-03-01\", " + fields + "}]}";
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A valid import whose customers.csv has {@code rows} names of {@code cellBytes} each, streamed to disk. */
    private static void writeBomb(Path file, int rows, int cellBytes) throws IOException {
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            // the fastest level: a run of one byte still shrinks a hundredfold, and the test spends less time
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("customers.csv"));
            zip.write("customer_id,name\n".getBytes(StandardCharsets.US_ASCII));
            for (int row = 0; row < rows; row++) {
                zip.write(("c" + row + ",").getBytes(StandardCharsets.US_ASCII));
                for (int left = cellBytes; left > 0; left -= block.length) {
                    zip.write(block, 0, Math.min(left, block.length));
                }
                zip.write('\n');
            }
            zip.closeEntry();
            for (String name : new String[] {"products.csv", "subscription_items.csv"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(VALID.get(name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
