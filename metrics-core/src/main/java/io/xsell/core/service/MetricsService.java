package io.xsell.core.service;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.metrics.MovementSeriesCalculator;
import io.xsell.core.metrics.PenetrationCalculator;
import io.xsell.core.metrics.PenetrationReport;
import io.xsell.core.metrics.PeriodMovements;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.port.in.CrossSellReportUseCase;
import io.xsell.core.port.in.MovementSeriesQuery;
import io.xsell.core.port.in.MovementSeriesUseCase;
import io.xsell.core.port.in.PenetrationQuery;
import io.xsell.core.port.in.PenetrationUseCase;
import io.xsell.core.port.in.PrepareMetricsUseCase;
import io.xsell.core.port.out.LoadTenantDataPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers the metric queries from the tenant's data. Pricing a dataset into a ledger is the
 * window-independent half of the work, so the last ledger of each tenant is kept and reused
 * for as long as the outbound port hands back the very same dataset instance (adapters that
 * cache by data version do; a new import yields a new instance and so a new ledger).
 */
public final class MetricsService
        implements CrossSellReportUseCase, MovementSeriesUseCase, PenetrationUseCase, PrepareMetricsUseCase {
    private final LoadTenantDataPort loadTenantData;
    private final Map<TenantId, Priced> ledgers = new ConcurrentHashMap<>();
    private final Map<TenantId, Object> pricingLocks = new ConcurrentHashMap<>();

    public MetricsService(LoadTenantDataPort loadTenantData) {
        this.loadTenantData = Objects.requireNonNull(loadTenantData);
    }

    /** A tenant's dataset and the ledger priced from it. */
    record Priced(TenantDataset dataset, MrrLedger ledger) {
    }

    /** The tenant's ledger; concurrent callers for one tenant wait for a single pricing. */
    MrrLedger ledger(TenantId tenant) {
        return priced(tenant).ledger();
    }

    /** The tenant's dataset with its ledger, priced at most once per dataset instance. */
    Priced priced(TenantId tenant) {
        TenantDataset dataset = loadTenantData.loadTenantData(tenant);
        Priced priced = ledgers.get(tenant);
        if (priced != null && priced.dataset() == dataset) {
            return priced;
        }
        synchronized (pricingLocks.computeIfAbsent(tenant, t -> new Object())) {
            priced = ledgers.get(tenant);
            if (priced == null || priced.dataset() != dataset) {
                priced = new Priced(dataset, MrrLedger.of(dataset));
                ledgers.put(tenant, priced);
            }
            return priced;
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
