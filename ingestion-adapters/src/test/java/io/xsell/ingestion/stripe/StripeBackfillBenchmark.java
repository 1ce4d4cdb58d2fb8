package io.xsell.ingestion.stripe;

import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.stripe.api.StripeApi;
import io.xsell.ingestion.stripe.api.StripeSettings;
import io.xsell.ingestion.stripe.fake.FakeStripeServer;
import io.xsell.ingestion.stripe.fake.InMemoryStripeMirror;
import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.stripe.mapping.StripeAccountMapper;
import io.xsell.ingestion.stripe.sync.StripeBackfill;
import io.xsell.ingestion.provider.SyncProgress;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * Is a backfill bounded by Stripe's rate limit rather than by xsell? A Stripe double with a fixed
 * latency per request and a server-side rate limit (429 above it) serves a generated account; the
 * backfill's wall time is compared with the ceiling, requests sent / limit. Run with main(), not
 * by surefire (see docs/performance.md for the command):
 * {@code StripeBackfillBenchmark [customers=10000] [months=16] [latencyMs=50] [limit=100] [workers=16] [slices=32]}
 */
public final class StripeBackfillBenchmark {
    private static final String KEY = "rk_test_benchmark";

    public static void main(String[] args) throws Exception {
        int customers = arg(args, 0, 10_000);
        int months = arg(args, 1, 16);
        int latency = arg(args, 2, 50);
        int limit = arg(args, 3, 100);
        int workers = arg(args, 4, 16);
        int slices = arg(args, 5, 32);
        LocalDate end = LocalDate.of(2026, 10, 31);
        warmUp(end, latency, limit, workers, slices);
        long t0 = System.nanoTime();
        SyntheticStripeAccount account = SyntheticStripeAccount.of(SyntheticAccountGenerator.generate(
                new SyntheticAccountSpec(20261122L, customers, end.plusDays(1).minusMonths(months), end, "USD")), end, 7L);
        long objects = java.util.Arrays.stream(StripeObjectType.values()).mapToLong(t -> account.objects(t).size()).sum();
        System.out.printf("account: %,d customers, %,d Stripe objects (%,d invoices), generated in %.1f s%n", customers,
                objects, account.objects(StripeObjectType.INVOICE).size(), (System.nanoTime() - t0) / 1e9);
        try (FakeStripeServer stripe = new FakeStripeServer(account, KEY)) {
            stripe.latency(latency);
            stripe.rateLimit(limit);
            StripeApi api = new StripeApi(StripeSettings.defaults(KEY, stripe.baseUrl()).withRate(limit)
                    .withRetries(8, Duration.ofMillis(200), Duration.ofSeconds(5)));
            InMemoryStripeMirror mirror = new InMemoryStripeMirror();
            long start = System.nanoTime();
            Map<String, Long> cpu = new java.util.concurrent.ConcurrentHashMap<>();
            long[] reached = new long[11];
            new StripeBackfill(api, mirror, workers, slices, Clock.systemUTC()).run((list, stored, total) -> {
                long ns = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                cpu.put(Thread.currentThread().getName() + Thread.currentThread().getId(), ns);
                int decile = (int) (10 * total / objects);
                synchronized (reached) {
                    for (int d = 0; d <= decile; d++) {
                        if (reached[d] == 0) {
                            reached[d] = System.nanoTime();
                        }
                    }
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long server = 0;
            for (long id : threads.getAllThreadIds()) {
                java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
                if (info != null && info.getThreadName().startsWith("qtp")) {
                    server += Math.max(0, threads.getThreadCpuTime(id));
                }
            }
            StringBuilder deciles = new StringBuilder();
            for (int d = 1; d <= 10; d++) {
                deciles.append(String.format(" %d%%:%.1fs", d * 10, (reached[d] - start) / 1e9));
            }
            System.out.println("objects stored by time:" + deciles);
            System.out.printf("CPU: xsell's backfill workers %.1f s, the Stripe double's server threads %.1f s%n",
                    cpu.values().stream().mapToLong(Long::longValue).sum() / 1e9, server / 1e9);
            int requests = stripe.requests();
            int limited = requests - stripe.served();
            double ceiling = (double) requests / limit;
            System.out.printf("backfill: %,d objects stored in %.2f s; %,d requests (%,d answered 429), %.1f req/s%n",
                    mirror.size(), seconds, requests, limited, requests / seconds);
            System.out.printf("rate-limit ceiling: %,d requests / %d req/s = %.2f s; backfill took %.1f %% of it "
                    + "(target: within 110 %%)%n", requests, limit, ceiling, 100 * seconds / ceiling);
            if (mirror.size() != objects) {
                throw new IllegalStateException("stored " + mirror.size() + " objects, the account has " + objects);
            }
            long mapStart = System.nanoTime();
            TenantDataset dataset = StripeAccountMapper.map(mirror, new MappingSettings("stripe:", "USD", Map.of(),
                    account.canonical().rates()));
            System.out.printf("mapping to the canonical model: %,d items in %.1f s%n", dataset.items().size(),
                    (System.nanoTime() - mapStart) / 1e9);
        }
    }

    /**
     * A server syncs in a warm JVM: one backfill of a small account first, so that the measured
     * one does not include compiling the client, the double and the mapper.
     */
    private static void warmUp(LocalDate end, int latency, int limit, int workers, int slices) throws Exception {
        SyntheticStripeAccount small = SyntheticStripeAccount.of(SyntheticAccountGenerator.generate(
                new SyntheticAccountSpec(1L, 1000, end.plusDays(1).minusMonths(16), end, "USD")), end, 1L);
        try (FakeStripeServer stripe = new FakeStripeServer(small, KEY)) {
            stripe.latency(latency);
            StripeApi api = new StripeApi(StripeSettings.defaults(KEY, stripe.baseUrl()).withRate(limit * 10.0));
            InMemoryStripeMirror mirror = new InMemoryStripeMirror();
            long start = System.nanoTime();
            new StripeBackfill(api, mirror, workers, slices, Clock.systemUTC()).run(SyncProgress.NONE);
            StripeAccountMapper.map(mirror, new MappingSettings("stripe:", "USD", Map.of(), small.canonical().rates()));
            System.out.printf("warm-up: a 1,000-customer backfill, %,d requests, %.1f s (not measured)%n",
                    stripe.requests(), (System.nanoTime() - start) / 1e9);
        }
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
