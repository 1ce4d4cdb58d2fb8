package io.xsell.server.persistence.snapshot;

import io.dropwizard.lifecycle.Managed;
import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.port.in.PrepareMetricsUseCase;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores prepared tenants from their snapshots on a background thread as soon as the server
 * starts, before anyone asks: the tenants whose snapshots were written most recently, as many as
 * the prepared-tenant budget holds by their saved weights ({@link JdbiTenantSnapshots#restorable}).
 * Each goes through the metrics service as a query would (one cold preparation at a time, the
 * snapshot checked as on any restore), so a query arriving meanwhile waits for the same restore
 * instead of starting another, and a query for another tenant waits for at most the one under way.
 *
 * <p>It is started as early as the server can: by {@code XsellApplication.run}, once the injector
 * (and so the migrated database) is ready, while Jetty and Jersey are still starting on the main
 * thread; the lifecycle's own {@link #start} later finds it started. The restore therefore runs
 * beside the server's start instead of after it.
 *
 * <p>After the restores, when a tenant was restored and the server does not take requests yet
 * ({@link #serving}), it compiles the code a first answer runs: in a fresh JVM nothing is compiled
 * yet, and a first window report over a million customers takes several times what it takes warm
 * (docs/performance.md). So it generates a small account ({@value #WARM_UP_CUSTOMERS} customers,
 * no tenant's data), prices it and computes its cross-sell report a few times, then throws all of
 * it away (the restore's own code was compiled by the restores). Restoring comes first: a query
 * needs its tenant before it needs compiled code. Once the server takes requests the compiling
 * stops at its next step: on two cores it would only slow down the first query's own report. No
 * tenant's answer is computed or kept: a query computes its own.
 */
public final class SnapshotWarmUp implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotWarmUp.class);
    static final int WARM_UP_CUSTOMERS = 20_000;
    private static final int WARM_UP_REPORTS = 3;

    private final JdbiTenantSnapshots snapshots;
    private final PrepareMetricsUseCase metrics;
    private final Clock clock;
    private final long budgetBytes;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile List<TenantId> restored = List.of();
    private volatile boolean stopped;
    private volatile boolean serving;

    /** @param budgetBytes the prepared tenants' budget; 0 turns the warm-up off */
    public SnapshotWarmUp(JdbiTenantSnapshots snapshots, PrepareMetricsUseCase metrics, long budgetBytes, Clock clock) {
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budgetBytes = budgetBytes;
    }

    /**
     * Starts the restores on a thread of their own; only the first call does anything, so the
     * application may start it early and the lifecycle start it again.
     */
    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        if (budgetBytes <= 0) {
            finished.countDown();
            return; // turned off (or no snapshots kept)
        }
        Thread thread = new Thread(() -> {
            try {
                restored = restore();
            } finally {
                finished.countDown();
            }
        }, "snapshot-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits at most {@code timeout} for what {@link #start} began (restores and compiling); returns
     * the tenants it restored, or empty if it is not done (or never started).
     */
    public List<TenantId> awaitStarted(long timeout, TimeUnit unit) throws InterruptedException {
        return started.get() && finished.await(timeout, unit) ? restored : List.of();
    }

    @Override
    public void stop() {
        stopped = true;
    }

    /** The server takes requests from now on: compiling ahead is no longer worth its cores. */
    public void serving() {
        serving = true;
    }

    private List<TenantId> restore() {
        if (budgetBytes <= 0) {
            return List.of();
        }
        List<TenantId> tenants;
        try {
            tenants = snapshots.restorable(budgetBytes);
        } catch (RuntimeException e) {
            LOG.warn("Could not list the tenant snapshots to restore at start; tenants are restored when asked", e);
            return List.of();
        }
        List<TenantId> done = new ArrayList<>();
        for (TenantId tenant : tenants) {
            if (stopped) {
                break;
            }
            long started = System.nanoTime();
            try {
                metrics.prepareMetrics(tenant);
                done.add(tenant);
                LOG.info("Restored tenant {} at start in {} ms", tenant, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                // the tenant's first query tries again and reports the problem to its caller
                LOG.warn("Could not restore tenant {} at start", tenant, e);
            }
        }
        if (!done.isEmpty() && !stopped && !serving) {
            compile(); // only when a tenant was restored: a server without snapshots starts as before
        }
        return done;
    }

    /** Runs the report over a small generated account, so its code is compiled. */
    private void compile() {
        long started = System.nanoTime();
        try {
            TenantDataset dataset = SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(1, WARM_UP_CUSTOMERS));
            MrrLedger ledger = serving ? null : MrrLedger.of(dataset);
            Window window = Window.lastFullMonths(12, clock);
            int reports = 0;
            for (; ledger != null && reports < WARM_UP_REPORTS && !stopped && !serving; reports++) {
                CrossSellCalculator.report(ledger, window, null);
            }
            LOG.info("Compiled the report's code in {} ms ({} of {} reports before the server took requests)",
                    (System.nanoTime() - started) / 1_000_000, reports, WARM_UP_REPORTS);
        } catch (RuntimeException e) {
            LOG.warn("Could not compile the report's code ahead of use", e);
        }
    }
}
