package io.xsell.core.service;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.engagement.CampaignReport;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageLog;
import io.xsell.core.port.in.CampaignAnalyticsQuery;
import io.xsell.core.port.in.EngagementAnalyticsQuery;
import io.xsell.core.port.in.JourneyAnalyticsQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The analytics over a dataset in hand, composed as a report command would, and following data changes. */
class EngagementAnalyticsServiceTest {
    private static final TenantId TENANT = new TenantId("t1");
    private static final Window YEAR = Window.of("2025-01-01", "2026-01-01");
    private static final LocalDate DAY = LocalDate.parse("2025-03-01");

    @Test
    void answersFromTheDatasetInHandAndSeesNewEngagementData() {
        TenantDataset billing = dataset().product("base", "base", LineKind.CORE).product("b", "b", LineKind.MODULE)
                .holds("u1", "base", "100", "2024-01-01").holds("u1", "b", "40", "2025-03-10").build();
        Campaign mail = new Campaign("mail", null, "email", new BigDecimal("100"), "USD", DAY, null, "b");
        TenantDataset withEngagement = billing.withEngagement(EngagementData.of(List.of(mail),
                List.of(new Touchpoint("u1", "mail", DAY)), UsageLog.builder().add("u1", "reports", DAY, 3).build()));
        AtomicReference<EngagementData> engagement = new AtomicReference<>(withEngagement.engagement());
        EngagementAnalyticsService service = new EngagementAnalyticsService(new MetricsService(t -> withEngagement),
                t -> withEngagement, t -> engagement.get());

        CampaignReport campaigns = service.campaignAnalytics(CampaignAnalyticsQuery.of(TENANT, YEAR));
        assertThat(campaigns.campaigns().get(0).attributedCrossSellMrr()).isEqualByComparingTo("40");
        assertThat(campaigns.campaigns().get(0).roiPct()).isEqualByComparingTo("380");
        assertThat(service.journeys(JourneyAnalyticsQuery.of(TENANT, YEAR)).channels().get(0).adoptedCustomers())
                .isEqualTo(1);
        assertThat(service.engagement(new EngagementAnalyticsQuery(TENANT, YEAR)).events()).isEqualTo(3);

        engagement.set(EngagementData.of(List.of(mail), List.of(), UsageLog.empty()));
        assertThat(service.campaignAnalytics(CampaignAnalyticsQuery.of(TENANT, YEAR)).attributedCrossSellMrr())
                .as("a new engagement instance is joined afresh").isEqualByComparingTo("0");
        assertThat(service.engagement(new EngagementAnalyticsQuery(TENANT, YEAR)).events()).isZero();
    }
}
