package io.xsell.server.persistence;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.xsell.core.dataimport.ImportRecord;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.server.tenant.Tenant;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;

/**
 * Times importing and loading a generated account through {@link JdbiTenantDataStore}, on SQLite
 * and PostgreSQL. Not a test (it takes a while and its numbers depend on the machine); run it as
 * docs/performance.md ("Persistence: import and load") shows:
 *
 * <pre>
 * mvn -q -o -B -pl api-server test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx4g -classpath %classpath io.xsell.server.persistence.PersistenceBenchmark 100000"
 * </pre>
 *
 * Arguments: customers (default 100000), then optionally {@code sqlite} or {@code postgresql} to
 * run one dialect. PostgreSQL is {@link TestPostgres#url()}; the benchmark works in a schema of
 * its own and drops it afterwards.
 */
public final class PersistenceBenchmark {
    // -Dbench.loads=N: how many uncached loads to time
    private static final int LOADS = Integer.getInteger("bench.loads", 3);

    private PersistenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Dialect> dialects = args.length > 1
                ? List.of(Dialect.valueOf(args[1].toUpperCase(Locale.ROOT)))
                : List.of(Dialect.SQLITE, Dialect.POSTGRESQL);

        System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %,d MB, %,d customers%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, customers);
        for (Dialect dialect : dialects) {
            run(dialect, customers);
        }
    }

    private static void run(Dialect dialect, int customers) throws Exception {
        Path folder = null;
        DatabaseConfig config;
        if (dialect == Dialect.SQLITE) {
            folder = Files.createTempDirectory("xsell-bench-");
            config = new DatabaseConfig("jdbc:sqlite:" + folder.resolve("xsell.db"), null, null);
        } else {
            config = TestPostgres.createSchema("xsell_bench_");
        }
        try {
            Databases.migrate(config);
            Jdbi jdbi = Databases.jdbi(config);
            Tenant tenant = new Tenant(new TenantId(UUID.randomUUID().toString()), "bench", "USD", Instant.now());
            new JdbiTenantRegistry(jdbi).create(tenant);
            TenantId id = tenant.id();
            JdbiTenantDataStore store = new JdbiTenantDataStore(jdbi);
            String name = dialect.name().toLowerCase(Locale.ROOT);

            ImportRecord firstImport = importGenerated(name, "import into an empty tenant", store, id, 1, customers);
            ImportRecord secondImport = importGenerated(name, "re-import (replaces the first)", store, id, 2,
                    customers);
            System.out.printf(Locale.ROOT, "%-10s rows per import: %s, then %s%n", name, firstImport.counts(),
                    secondImport.counts());
            long items = secondImport.counts().subscriptionItems();
            for (int i = 1; i <= LOADS; i++) {
                long cpu = processCpuNanos();
                long allocated = allocatedBytes();
                TenantDataset loaded = time(name, "load, uncached #" + i,
                        () -> new JdbiTenantDataStore(jdbi).loadTenantData(id));
                System.out.printf(Locale.ROOT, "%-10s %-32s %8.2f s CPU (JVM, GC included), %,d MiB allocated%n",
                        name, "", (processCpuNanos() - cpu) / 1e9, (allocatedBytes() - allocated) >> 20);
                if (loaded.items().size() != items) {
                    throw new IllegalStateException("loaded " + loaded.items().size() + " items, stored " + items);
                }
            }
            long before = usedHeapAfterGc();
            TenantDataset kept = store.loadTenantData(id);
            long retained = usedHeapAfterGc() - before;
            System.out.printf(Locale.ROOT, "%-10s %-32s %8d MiB%n", name, "heap retained by the loaded dataset",
                    retained >> 20);
            TenantDataset cached = time(name, "load, cached (version check)", () -> store.loadTenantData(id));
            if (cached != kept) {
                throw new IllegalStateException("the cache returned another instance");
            }
        } finally {
            if (dialect == Dialect.POSTGRESQL) {
                TestPostgres.dropSchema(config);
            } else {
                try (var paths = Files.walk(folder)) {
                    for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    /** The dataset lives only in this call, so that the loads that follow have the heap to themselves. */
    private static ImportRecord importGenerated(String dialect, String what, JdbiTenantDataStore store, TenantId tenant,
                                                long seed, int customers) {
        TenantDataset dataset = TestDatasets.generated(seed, customers);
        return time(dialect, what,
                () -> store.replaceTenantData(tenant, "csv", dataset, "sha256:" + seed, Instant.now()));
    }

    private static <T> T time(String dialect, String what, Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        System.out.printf(Locale.ROOT, "%-10s %-32s %8.2f s%n", dialect, what, seconds(start));
        return result;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** CPU time of this process, every thread and the collector's included. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Bytes allocated on the heap so far by every thread of the JVM, live or ended. */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
