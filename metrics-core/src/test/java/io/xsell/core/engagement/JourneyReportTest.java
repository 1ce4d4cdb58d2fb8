package io.xsell.core.engagement;

import static io.xsell.core.engagement.EngagementFixture.engagement;
import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.engagement.JourneyReport.ChannelFunnel;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.TenantDataset;
import org.junit.jupiter.api.Test;

class JourneyReportTest {
    private static final Window YEAR = Window.of("2025-01-01", "2026-01-01");

    @Test
    void countsTouchedAndAdoptedCustomersPerChannelWithTheMedianDays() {
        TenantDataset data = dataset().product("base", "base", LineKind.CORE).product("b", "b", LineKind.MODULE)
                .product("c", "c", LineKind.MODULE)
                .holds("a", "base", "100", "2024-01-01").holds("a", "b", "10", "2025-03-11") // 10 days after touch
                .holds("d", "base", "100", "2024-01-01").holds("d", "b", "10", "2025-03-21") // 20 days
                .holds("e", "base", "100", "2024-01-01").holds("e", "b", "10", "2025-04-15") // 45 days: too late
                .holds("f", "base", "100", "2024-01-01").holds("f", "c", "10", "2025-03-05") // line c, not targeted
                .holds("g", "base", "100", "2024-01-01").holds("g", "c", "10", "2025-03-01") // in_app: any line, day 0
                .build();
        EngagementFixture engagement = engagement()
                .campaign("mail", "email", "100", "b")
                .campaign("prompt", "in_app", "0", null)
                .touch("a", "mail", "2025-03-01").touch("a", "mail", "2025-03-05")
                .touch("d", "mail", "2025-03-01")
                .touch("e", "mail", "2025-03-01")
                .touch("f", "mail", "2025-03-01")
                .touch("g", "prompt", "2025-03-01")
                .touch("g", "mail", "2024-06-01"); // before the window: no journey of email

        JourneyReport report = JourneyReport.of(engagement.index(data), YEAR, 30);

        assertThat(report.channels()).extracting(ChannelFunnel::channel).containsExactly("email", "in_app");
        ChannelFunnel email = report.channels().get(0);
        assertThat(email.touchedCustomers()).isEqualTo(4);
        assertThat(email.adoptedCustomers()).isEqualTo(2);
        assertThat(email.adoptionRatePct()).isEqualByComparingTo("50");
        assertThat(email.medianDaysToAdoption()).isEqualByComparingTo("15");
        assertThat(email.campaigns()).isEqualTo(1);
        ChannelFunnel inApp = report.channels().get(1);
        assertThat(inApp.touchedCustomers()).isEqualTo(1);
        assertThat(inApp.adoptedCustomers()).isEqualTo(1);
        assertThat(inApp.medianDaysToAdoption()).isEqualByComparingTo("0");

        JourneyReport longer = JourneyReport.of(engagement.index(data), YEAR, 45);
        assertThat(longer.channels().get(0).adoptedCustomers()).as("45 days inclusive").isEqualTo(3);
    }

    @Test
    void aChannelNobodyWasTouchedByHasNullRatesNotErrors() {
        TenantDataset data = dataset().holds("a", "base", "100", "2024-01-01").build();
        JourneyReport report = JourneyReport.of(engagement().campaign("w", "webinar", "10", null).index(data), YEAR, 30);

        ChannelFunnel webinar = report.channels().get(0);
        assertThat(webinar.touchedCustomers()).isZero();
        assertThat(webinar.adoptionRatePct()).isNull();
        assertThat(webinar.medianDaysToAdoption()).isNull();
    }
}
