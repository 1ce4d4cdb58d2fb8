package io.xsell.core.service;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.metrics.MovementSeriesCalculator;
import io.xsell.core.metrics.PenetrationCalculator;
import io.xsell.core.metrics.PenetrationReport;
import io.xsell.core.metrics.PeriodMovements;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.model.WorkCancelledException;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.port.in.CrossSellReportUseCase;
import io.xsell.core.port.in.MovementSeriesQuery;
import io.xsell.core.port.in.MovementSeriesUseCase;
import io.xsell.core.port.in.PenetrationQuery;
import io.xsell.core.port.in.PenetrationUseCase;
import io.xsell.core.port.in.PrepareMetricsUseCase;
import io.xsell.core.port.out.LoadTenantDataPort;
import io.xsell.core.port.out.PreparedTenantCache;
import io.xsell.core.port.out.PreparedTenantSnapshots;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Answers the metric queries from the tenant's data. Pricing a dataset into a ledger is the
 * window-independent half of the work, so the tenant's ledger is kept in a {@link PreparedTenantCache}
 * and reused for as long as the outbound port hands back the very same dataset instance (adapters
 * that cache by data version do; a new import yields a new instance and so a new ledger). The cache
 * may drop a tenant at any time; it is then loaded and priced again.
 *
 * <p>Loading and pricing a tenant that is not kept is what fills the heap, so only a bounded
 * number of such cold preparations run at once; the others wait their turn.
 */
public final class MetricsService
        implements CrossSellReportUseCase, MovementSeriesUseCase, PenetrationUseCase, PrepareMetricsUseCase {
    private final LoadTenantDataPort loadTenantData;
    private final PreparedTenantCache<Priced> prepared;
    private final PreparedTenantSnapshots snapshots;
    private final Semaphore coldPreparations;
    private final Map<TenantId, Object> pricingLocks = new ConcurrentHashMap<>();

    /** Keeps every tenant's ledger: for one-off use over a few tenants (command line, tests). */
    public MetricsService(LoadTenantDataPort loadTenantData) {
        this(loadTenantData, PreparedTenantCache.unbounded(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param concurrentColdPreparations how many tenants may be loaded and priced at the same time
     */
    public MetricsService(LoadTenantDataPort loadTenantData, PreparedTenantCache<Priced> prepared,
                          int concurrentColdPreparations) {
        this(loadTenantData, prepared, concurrentColdPreparations, PreparedTenantSnapshots.none());
    }

    /**
     * @param snapshots durable copies of prepared tenants: a dataset restored from one comes with its
     *                  ledger, and every tenant priced here is offered to it
     */
    public MetricsService(LoadTenantDataPort loadTenantData, PreparedTenantCache<Priced> prepared,
                          int concurrentColdPreparations, PreparedTenantSnapshots snapshots) {
        if (concurrentColdPreparations < 1) {
            throw new IllegalArgumentException("concurrentColdPreparations must be at least 1, was "
                    + concurrentColdPreparations);
        }
        this.loadTenantData = Objects.requireNonNull(loadTenantData);
        this.prepared = Objects.requireNonNull(prepared);
        this.coldPreparations = new Semaphore(concurrentColdPreparations, true);
        this.snapshots = Objects.requireNonNull(snapshots);
    }

    /** A tenant's dataset and the ledger priced from it. */
    public record Priced(TenantDataset dataset, MrrLedger ledger) {
        /**
         * Heap this pair holds on to: the dataset's and what the ledger adds to it (the ledger's
         * figure leaves out the customers it shares with the dataset). Both are computed once and
         * then cached, so the first call, made on the pricing thread, pays for the walk.
         */
        public long retainedBytes() {
            return dataset.retainedBytes() + ledger.retainedBytes();
        }
    }

    /** The tenant's ledger; concurrent callers for one tenant wait for a single pricing. */
    MrrLedger ledger(TenantId tenant) {
        return priced(tenant).ledger();
    }

    /** The tenant's dataset with its ledger, priced at most once per dataset instance while kept. */
    Priced priced(TenantId tenant) {
        Optional<Priced> kept = prepared.find(tenant);
        if (kept.isPresent()) {
            // cheap while the kept dataset is the current one: the adapter hands back that instance
            TenantDataset dataset = loadTenantData.loadTenantData(tenant);
            if (kept.get().dataset() == dataset) {
                return kept.get();
            }
        }
        try {
            coldPreparations.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkCancelledException();
        }
        try {
            synchronized (pricingLocks.computeIfAbsent(tenant, t -> new Object())) {
                TenantDataset dataset = loadTenantData.loadTenantData(tenant);
                kept = prepared.find(tenant);
                if (kept.isPresent() && kept.get().dataset() == dataset) {
                    return kept.get();
                }
                Optional<PreparedTenantSnapshots.Restored> restored = snapshots.restoredLedger(tenant, dataset);
                if (restored.isPresent()) {
                    Priced priced = new Priced(dataset, restored.get().ledger());
                    prepared.keep(tenant, priced, restored.get()::retainedBytes);
                    return priced;
                }
                Priced priced = new Priced(dataset, MrrLedger.of(dataset));
                prepared.keep(tenant, priced, priced::retainedBytes);
                snapshots.prepared(tenant, dataset, priced.ledger());
                return priced;
            }
        } finally {
            coldPreparations.release();
        }
    }

    @Override
    public void prepareMetrics(TenantId tenant) {
        ledger(tenant);
    }

    @Override
    public CrossSellReport crossSellReport(CrossSellReportQuery query) {
        return CrossSellCalculator.report(ledger(query.tenant()), query.window(), query.segmentBy());
    }

    @Override
    public List<PeriodMovements> movementSeries(MovementSeriesQuery query) {
        return MovementSeriesCalculator.series(ledger(query.tenant()), query.window(), query.granularity());
    }

    @Override
    public PenetrationReport penetration(PenetrationQuery query) {
        return PenetrationCalculator.on(ledger(query.tenant()), query.date());
    }
}
