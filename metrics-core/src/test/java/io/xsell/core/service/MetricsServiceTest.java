package io.xsell.core.service;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.CrossSellReportQuery;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MetricsServiceTest {
    private static final TenantId TENANT = new TenantId("t1");

    @Test
    void preparingPricesOnceAndQueriesReuseIt() {
        TenantDataset data = dataset().holds("a", "A", "100", "2024-01-01").build();
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        MetricsService service = new MetricsService(tenant -> {
            loads.incrementAndGet();
            return data;
        });

        service.prepareMetrics(TENANT);
        var prepared = service.ledger(TENANT);

        assertThat(service.ledger(TENANT)).isSameAs(prepared);
        assertThat(loads).hasValue(3);
    }

    @Test
    void reusesTheLedgerWhileTheDatasetIsUnchangedAndRepricesANewOne() {
        AtomicReference<TenantDataset> stored = new AtomicReference<>(dataset().holds("a", "A", "100", "2024-01-01").build());
        MetricsService service = new MetricsService(tenant -> stored.get());

        var first = service.ledger(TENANT);
        assertThat(service.ledger(TENANT)).isSameAs(first);

        stored.set(dataset().holds("a", "A", "100", "2024-01-01").holds("a", "B", "5", "2025-03-01").build());
        assertThat(service.ledger(TENANT)).isNotSameAs(first);
        assertThat(service.crossSellReport(new CrossSellReportQuery(TENANT, Window.of("2025-01-01", "2026-01-01"), null))
                .metrics().crossSellMrr()).isEqualByComparingTo("5");
    }
}
