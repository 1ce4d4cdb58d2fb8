package io.xsell.core.engagement;

import static io.xsell.core.engagement.EngagementFixture.engagement;
import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.engagement.EngagementReport.FeatureUsage;
import io.xsell.core.engagement.EngagementReport.Quartile;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.Decimals;
import org.junit.jupiter.api.Test;

class EngagementReportTest {
    private static final Window YEAR = Window.of("2025-01-01", "2026-01-01");

    @Test
    void frequencyDepthAndQuartiles() {
        // c1 least engaged .. c8 most; c1 churns in the window, c7 and c8 cross-sell
        TenantDataset data = dataset().product("base", "base", LineKind.CORE).product("b", "b", LineKind.MODULE)
                .holds("c1", "base", "100", "2024-01-01", "2025-05-01")
                .holds("c2", "base", "100", "2024-01-01").holds("c3", "base", "100", "2024-01-01")
                .holds("c4", "base", "100", "2024-01-01").holds("c5", "base", "100", "2024-01-01")
                .holds("c6", "base", "100", "2024-01-01").holds("c7", "base", "100", "2024-01-01")
                .holds("c8", "base", "100", "2024-01-01")
                .holds("c7", "b", "10", "2025-06-01").holds("c8", "b", "20", "2025-06-01")
                .holds("gone", "base", "100", "2023-01-01", "2024-06-01") // not active in the window
                .build();
        EngagementFixture usage = engagement()
                .use("c2", "reports", "2025-02-01", 1)
                .use("c3", "reports", "2025-02-01", 2)
                .use("c4", "reports", "2025-02-01", 3)
                .use("c5", "reports", "2025-02-01", 4).use("c5", "export", "2025-02-02", 1)
                .use("c6", "reports", "2025-02-01", 5).use("c6", "export", "2025-02-02", 1)
                .use("c7", "reports", "2025-02-01", 10).use("c7", "export", "2025-03-01", 5).use("c7", "api", "2025-03-01", 5)
                .use("c8", "reports", "2025-02-01", 20).use("c8", "export", "2025-03-01", 5).use("c8", "api", "2025-03-01", 5)
                .use("c8", "sso", "2025-04-01", 1)
                .use("c8", "reports", "2024-12-31", 99) // before the window
                .use("gone", "reports", "2025-02-01", 7); // not active

        EngagementReport report = EngagementReport.of(usage.index(data), YEAR);

        assertThat(report.activeCustomers()).isEqualTo(8);
        assertThat(report.customersWithUsage()).isEqualTo(7);
        assertThat(report.events()).isEqualTo(68);
        FeatureUsage reports = report.features().stream().filter(f -> f.feature().equals("reports")).findFirst().orElseThrow();
        assertThat(reports.customers()).isEqualTo(7);
        assertThat(reports.events()).isEqualTo(45);
        assertThat(Decimals.present(reports.usersPct())).isEqualByComparingTo("87.50");
        // 45 events / 8 active customers / 12 months (365 days)
        assertThat(Decimals.present(reports.eventsPerActiveCustomerPerMonth())).isEqualByComparingTo("0.47");
        assertThat(report.features()).extracting(FeatureUsage::feature).containsExactly("api", "export", "reports", "sso");

        // depths: c1 0, c2-c4 1, c5-c6 2, c7 3, c8 4
        assertThat(report.depth().distribution()).containsExactly(1L, 3L, 2L, 1L, 1L);
        assertThat(report.depth().meanFeatures()).isEqualByComparingTo("1.75");
        assertThat(report.depth().medianFeatures()).isEqualByComparingTo("1.5");

        assertThat(report.quartiles()).extracting(Quartile::customers).containsExactly(2L, 2L, 2L, 2L);
        Quartile q1 = report.quartiles().get(0);
        assertThat(q1.minEvents()).isZero();
        assertThat(q1.maxEvents()).isEqualTo(1);
        assertThat(q1.churned()).isEqualTo(1);
        assertThat(q1.churnRatePct()).isEqualByComparingTo("50");
        Quartile q4 = report.quartiles().get(3);
        assertThat(q4.minEvents()).isEqualTo(20);
        assertThat(q4.maxEvents()).isEqualTo(31);
        assertThat(q4.crossSellCustomers()).isEqualTo(2);
        assertThat(q4.customerCrossSellRatePct()).isEqualByComparingTo("100");
        assertThat(q4.crossSellMrr()).isEqualByComparingTo("30");
        assertThat(report.quartiles().get(1).customerCrossSellRatePct()).isEqualByComparingTo("0");
    }

    @Test
    void withoutCustomersEveryRatioIsNull() {
        EngagementReport report = EngagementReport.of(engagement().index(TenantDataset.empty("USD")), YEAR);

        assertThat(report.activeCustomers()).isZero();
        assertThat(report.depth().meanFeatures()).isNull();
        assertThat(report.depth().medianFeatures()).isNull();
        assertThat(report.quartiles()).isEmpty();
        assertThat(report.quartilesReason()).isEqualTo(EngagementReport.NO_USAGE);
    }

    /** Customers but no usage event: everyone ties at zero, so no quartile is cut, and the report says why. */
    @Test
    void withoutUsageThereAreNoQuartiles() {
        TenantDataset data = io.xsell.core.fixture.TenantDatasetFixture.dataset()
                .holds("a", "A", "10", "2024-01-01").holds("b", "A", "10", "2024-01-01")
                .holds("c", "A", "10", "2024-01-01").holds("d", "A", "10", "2024-01-01").build();
        EngagementReport report = EngagementReport.of(engagement().index(data), YEAR);

        assertThat(report.activeCustomers()).isEqualTo(4);
        assertThat(report.quartiles()).isEmpty();
        assertThat(report.quartilesReason()).contains("no engagement to rank by");
    }
}
