package io.xsell.server.persistence;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.service.MetricsService;
import io.xsell.server.tenant.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;

/**
 * Measures the heap a prepared tenant retains, as the server holds it (dataset loaded from the
 * database, priced into a ledger), against the estimate the memory budget weighs it by
 * ({@link MetricsService.Priced#retainedBytes()}). Not a test; run as docs/performance.md
 * ("Tenants in memory") shows:
 *
 * <pre>
 * mvn -q -B -pl api-server test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx4g -classpath %classpath io.xsell.server.persistence.PreparedTenantHeap 100000"
 * </pre>
 *
 * For each size it measures three mixes of the generated account (every billed line, every other
 * one, every fourth), so the bytes per customer and per line can be told apart; it prints each
 * measurement, the estimate, and a least-squares fit of the two constants.
 */
public final class PreparedTenantHeap {
    private PreparedTenantHeap() {
    }

    record Sample(long customers, long lines, long measured, long estimated) {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Path folder = Files.createTempDirectory("xsell-heap-");
        DatabaseConfig config = new DatabaseConfig("jdbc:sqlite:" + folder.resolve("xsell.db"), null, null);
        Databases.migrate(config);
        Jdbi jdbi = Databases.jdbi(config);
        List<Sample> samples = new ArrayList<>();
        for (String size : (args.length > 0 ? args[0] : "100000").split(",")) {
            TenantDataset full = TestDatasets.generated(7, Integer.parseInt(size));
            for (int every : new int[] {1, 2, 4}) {
                TenantId tenant = store(jdbi, thinned(full, every));
                samples.add(measure(jdbi, tenant));
            }
        }
        for (Sample s : samples) {
            System.out.printf(Locale.ROOT, "customers %,9d lines %,9d measured %,7d KiB estimate %,7d KiB (%+.1f %%)%n",
                    s.customers(), s.lines(), s.measured() >> 10, s.estimated() >> 10,
                    100.0 * (s.estimated() - s.measured()) / s.measured());
        }
        fit(samples);
    }

    private static TenantDataset thinned(TenantDataset full, int every) {
        return TenantDataset.of(full.reportingCurrency(), full.customers(), full.products(),
                everyNth(full.items(), every), everyNth(full.charges(), every), full.rates());
    }

    private static <T> List<T> everyNth(List<T> rows, int n) {
        List<T> kept = new ArrayList<>(rows.size() / n + 1);
        for (int i = 0; i < rows.size(); i += n) {
            kept.add(rows.get(i));
        }
        return kept;
    }

    private static TenantId store(Jdbi jdbi, TenantDataset dataset) {
        Tenant tenant = new Tenant(new TenantId(UUID.randomUUID().toString()), "heap-" + UUID.randomUUID(), "USD",
                Instant.now());
        new JdbiTenantRegistry(jdbi).create(tenant);
        new JdbiTenantDataStore(jdbi).replaceTenantData(tenant.id(), "csv", dataset, "sha256:heap", Instant.now());
        return tenant.id();
    }

    private static Sample measure(Jdbi jdbi, TenantId tenant) throws InterruptedException {
        long before = usedAfterGc();
        TenantDataset dataset = new JdbiTenantDataStore(jdbi).loadTenantData(tenant);
        MetricsService.Priced priced = new MetricsService.Priced(dataset, MrrLedger.of(dataset));
        long measured = usedAfterGc() - before;
        Sample sample = new Sample(dataset.customers().size(), dataset.items().size() + dataset.charges().size(),
                measured, priced.retainedBytes());
        // keeps the pair reachable until after the measurement
        if (priced.ledger().customerCount() < 0) {
            throw new IllegalStateException();
        }
        return sample;
    }

    /** Least squares of measured = a * customers + b * lines. */
    private static void fit(List<Sample> samples) {
        double cc = 0;
        double cl = 0;
        double ll = 0;
        double cm = 0;
        double lm = 0;
        for (Sample s : samples) {
            cc += (double) s.customers() * s.customers();
            cl += (double) s.customers() * s.lines();
            ll += (double) s.lines() * s.lines();
            cm += (double) s.customers() * s.measured();
            lm += (double) s.lines() * s.measured();
        }
        double det = cc * ll - cl * cl;
        double a = (cm * ll - lm * cl) / det;
        double b = (cc * lm - cl * cm) / det;
        System.out.printf(Locale.ROOT, "fit: %.0f bytes per customer + %.0f bytes per billed line%n", a, b);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
