package io.xsell.server.persistence.snapshot;

import io.dropwizard.lifecycle.Managed;
import io.xsell.core.model.TenantId;
import io.xsell.core.metrics.Window;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.service.MetricsService;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
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
 * <p>Then it computes one cross-sell report (the last twelve full months) over the first tenant
 * restored and throws it away: in a fresh JVM the engine's code is not compiled yet, and a first
 * window report over a million customers takes several times what it takes warm. Nothing of that
 * report is kept; a query computes its own answer.
 */
public final class SnapshotWarmUp implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotWarmUp.class);

    private final JdbiTenantSnapshots snapshots;
    private final MetricsService metrics;
    private final Clock clock;
    private final long budgetBytes;
    private volatile boolean stopped;

    /** @param budgetBytes the prepared tenants' budget; 0 turns the warm-up off */
    public SnapshotWarmUp(JdbiTenantSnapshots snapshots, MetricsService metrics, long budgetBytes, Clock clock) {
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budgetBytes = budgetBytes;
    }

    @Override
    public void start() {
        if (budgetBytes <= 0) {
            return; // turned off (or no snapshots kept)
        }
        Thread thread = new Thread(() -> compileReport(restoreNow()), "snapshot-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        stopped = true;
    }

    /**
     * Restores what fits, in order, on the calling thread ({@link #start} calls it on its own);
     * returns the tenants now prepared.
     */
    public List<TenantId> restoreNow() {
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
        List<TenantId> done = new java.util.ArrayList<>();
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
        return done;
    }

    /** One report thrown away, so that the first query's report runs compiled code. */
    private void compileReport(List<TenantId> restored) {
        if (restored.isEmpty() || stopped) {
            return;
        }
        long started = System.nanoTime();
        try {
            metrics.crossSellReport(new CrossSellReportQuery(restored.get(0), Window.lastFullMonths(12, clock), null));
            LOG.info("Compiled the report's code on tenant {} in {} ms", restored.get(0),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("The report run at start to compile its code failed", e);
        }
    }
}
