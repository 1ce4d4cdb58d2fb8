package io.xsell.core.service;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.port.in.CrossSellReportUseCase;
import io.xsell.core.port.out.LoadTenantDataPort;
import java.util.Objects;

/** Loads the tenant's data through the outbound port, prices it and computes the window report. */
public final class CrossSellReportService implements CrossSellReportUseCase {
    private final LoadTenantDataPort loadTenantData;

    public CrossSellReportService(LoadTenantDataPort loadTenantData) {
        this.loadTenantData = Objects.requireNonNull(loadTenantData);
    }

    @Override
    public CrossSellReport crossSellReport(CrossSellReportQuery query) {
        MrrLedger ledger = MrrLedger.of(loadTenantData.loadTenantData(query.tenant()));
        return CrossSellCalculator.report(ledger, query.window(), query.segmentBy());
    }
}
