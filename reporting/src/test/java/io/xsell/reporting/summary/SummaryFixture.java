package io.xsell.reporting.summary;

import io.xsell.core.model.DisplayNames;
import io.xsell.core.port.in.DisplayNamesUseCase;
import static io.xsell.core.fixture.TenantDatasetFixture.dataset;

import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.service.MetricsService;
import io.xsell.core.service.SummaryAnalyticsService;
import io.xsell.reporting.schedule.Cadence;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A small tenant with two segments, a core line and three lines cross-sold in March 2026 at
 * amounts with cents, plus an upsell, a contraction and a churn, so every summary figure is
 * non-trivial.
 */
public final class SummaryFixture {
    public static final TenantId TENANT = new TenantId("acme");
    public static final Window MARCH = Window.of("2026-03-01", "2026-04-01");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T07:00:00Z"), ZoneOffset.UTC);

    private SummaryFixture() {
    }

    public static TenantDataset data() {
        TenantDatasetFixture d = dataset()
                .product("core", "core", LineKind.CORE)
                .product("analytics", "analytics", LineKind.MODULE)
                .product("payments", "payments", LineKind.MODULE)
                .product("support", "support_plus", LineKind.ADD_ON);
        for (int i = 0; i < 40; i++) {
            String c = "c" + i;
            d.customer(c, "segment", i % 2 == 0 ? "smb" : "enterprise");
            d.holds(c, "core", i % 2 == 0 ? "1234.56" : "4321.09", "2025-01-01");
        }
        d.holds("c1", "analytics", "777.77", "2026-03-05")
                .holds("c3", "analytics", "777.77", "2026-03-20")
                .holds("c2", "payments", "345.67", "2026-03-11")
                .holds("c5", "support", "99.99", "2026-03-15")
                .holds("c7", "payments", "345.67", "2026-02-10")
                .holds("c9", "analytics", "500.00", "2026-01-10")
                .holds("c11", "core", "100.00", "2026-03-02")
                .holds("c12", "core", "1234.56", "2024-01-01", "2026-03-20")
                .customer("gone", "segment", "smb")
                .holds("gone", "core", "555.55", "2025-06-01", "2026-03-25");
        return d.build();
    }

    public static MetricsService metrics() {
        TenantDataset data = data();
        return new MetricsService(tenant -> data);
    }

    public static SummaryService service(MetricsService metrics) {
        return service(metrics, tenant -> DisplayNames.empty());
    }

    public static SummaryService service(MetricsService metrics, DisplayNamesUseCase names) {
        return new SummaryService(metrics, metrics, metrics, new SummaryAnalyticsService(metrics), names, CLOCK);
    }

    public static SummaryRequest marchRequest() {
        return new SummaryRequest(TENANT, "Acme & Co <Europe>", Cadence.MONTHLY, MARCH, SummaryRequest.DEFAULT_SEGMENT_BY);
    }
}
