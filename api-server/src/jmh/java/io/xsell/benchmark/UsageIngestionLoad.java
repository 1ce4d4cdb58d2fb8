package io.xsell.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for {@code POST /v1/usage-events} (docs/performance.md, "Campaigns, touchpoints
 * and usage"): {@code connections} clients post batches of {@code batchSize} events, each under a
 * fresh idempotency key, until {@code totalEvents} are stored, and the rate of stored events is
 * printed. Bodies are built before the clock starts, so the figure is the server's, not the
 * generator's JSON writing. Every answer but 201 counts as a failure and is printed.
 *
 * <pre>java -cp ... io.xsell.benchmark.UsageIngestionLoad URL API_KEY [totalEvents] [batchSize] [connections] [customers]</pre>
 */
public final class UsageIngestionLoad {
    private static final String[] FEATURES = {"reports", "export", "api", "sso", "dashboards", "alerts", "billing",
            "audit_log", "workflows", "integrations"};

    private UsageIngestionLoad() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0].replaceAll("/+$", "") + "/v1/usage-events";
        String key = args[1];
        int total = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int customers = args.length > 5 ? Integer.parseInt(args[5]) : 100_000;
        int batches = (total + batchSize - 1) / batchSize;

        List<byte[]> bodies = new ArrayList<>(batches);
        SplittableRandom random = new SplittableRandom(42);
        long firstDay = LocalDate.parse("2025-11-01").toEpochDay();
        for (int b = 0; b < batches; b++) {
            StringBuilder body = new StringBuilder(batchSize * 90).append("{\"usage_events\":[");
            for (int e = 0; e < batchSize; e++) {
                body.append(e == 0 ? "" : ",")
                        .append("{\"customer_id\":\"c").append(String.format("%07d", random.nextInt(customers)))
                        .append("\",\"feature\":\"").append(FEATURES[random.nextInt(FEATURES.length)])
                        .append("\",\"date\":\"").append(LocalDate.ofEpochDay(firstDay + random.nextInt(365)))
                        .append("\",\"count\":").append(1 + random.nextInt(9)).append('}');
            }
            bodies.add(body.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        System.out.printf("%,d batches of %,d events (%,d bytes each), %d connections%n", batches, batchSize,
                bodies.get(0).length, connections);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicLong stored = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                for (int b; (b = next.getAndIncrement()) < batches; ) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(b))).build();
                    long sent = System.nanoTime();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - sent);
                    if (response.statusCode() == 201) {
                        stored.addAndGet(batchSize);
                    } else {
                        failures.incrementAndGet();
                        System.out.println("batch " + b + ": " + response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        System.out.printf("stored %,d events in %.2f s: %,.0f events/s; %d failed batches; "
                        + "batch latency median %.0f ms, p95 %.0f ms%n", stored.get(), seconds, stored.get() / seconds,
                failures.get(), sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6);
    }
}
