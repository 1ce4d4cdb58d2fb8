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
 * <p>Before that, when there is a tenant to restore, it compiles the code a first answer runs: in a fresh JVM nothing is compiled yet,
 * and a first window report over a million customers takes several times what it takes warm
 * (docs/performance.md). So it generates a small account ({@value #WARM_UP_CUSTOMERS} customers,
 * no tenant's data), prices it, saves and restores it as a snapshot in memory and computes its
 * cross-sell report a few times, then throws all of it away. No tenant's answer is computed or
 * kept: a query computes its own.
 */
public final class SnapshotWarmUp implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotWarmUp.class);
    static final int WARM_UP_CUSTOMERS = 20_000;
    private static final int WARM_UP_REPORTS = 3;

    private final JdbiTenantSnapshots snapshots;
    private final PrepareMetricsUseCase metrics;
    private final Clock clock;
    private final long budgetBytes;
    private volatile boolean stopped;

    /** @param budgetBytes the prepared tenants' budget; 0 turns the warm-up off */
    public SnapshotWarmUp(JdbiTenantSnapshots snapshots, PrepareMetricsUseCase metrics, long budgetBytes, Clock clock) {
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
        Thread thread = new Thread(() -> restore(true), "snapshot-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        stopped = true;
    }

    /**
     * Restores what fits, in order, on the calling thread; returns the tenants now prepared.
     * {@link #start} does the same on a thread of its own, compiling the code first.
     */
    public List<TenantId> restoreNow() {
        return restore(false);
    }

    private List<TenantId> restore(boolean compileFirst) {
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
        if (compileFirst && !tenants.isEmpty()) {
            compile(); // only when there is something to restore: a server without snapshots starts as before
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
        return done;
    }

    /** Runs the decoding and the report over a small generated account, so their code is compiled. */
    private void compile() {
        long started = System.nanoTime();
        try {
            TenantDataset dataset = SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(1, WARM_UP_CUSTOMERS));
            MrrLedger ledger = MrrLedger.of(dataset);
            TenantId tenant = new TenantId("warm-up");
            PreparedTenantCodec.Restored restored = PreparedTenantCodec.decode(
                    PreparedTenantCodec.encode(tenant, 1, dataset, ledger, 1), tenant, 1, dataset.reportingCurrency());
            Window window = Window.lastFullMonths(12, clock);
            for (int n = 0; n < WARM_UP_REPORTS && !stopped; n++) {
                CrossSellCalculator.report(restored.ledger(), window, null);
            }
            LOG.info("Compiled the restore's and the report's code in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Could not compile the report's code ahead of use", e);
        }
    }
}
