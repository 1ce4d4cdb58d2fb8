package io.xsell.reporting.summary;

import static io.xsell.core.mrr.Decimals.present;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.engagement.CampaignReport;
import io.xsell.core.engagement.EngagementReport;
import io.xsell.core.engagement.JourneyReport;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageLog;
import io.xsell.core.port.in.CampaignAnalyticsQuery;
import io.xsell.core.port.in.EngagementAnalyticsQuery;
import io.xsell.core.port.in.JourneyAnalyticsQuery;
import io.xsell.core.service.EngagementAnalyticsService;
import io.xsell.core.service.MetricsService;
import io.xsell.reporting.render.Charts;
import io.xsell.reporting.render.JteTemplates;
import io.xsell.reporting.render.PaperSize;
import io.xsell.reporting.render.SummaryHtml;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The campaigns and engagement section on the summary fixture's March: the figures are the
 * engagement use cases' figures rounded as the API's JSON, campaigns by attributed MRR, a free
 * campaign's and an unconvertible cost's missing ROI told apart, and no section without data.
 */
class EngagementSectionSourceTest {
    private static final LocalDate START = LocalDate.parse("2026-01-01");

    private static EngagementData engagement() {
        UsageLog.Builder usage = UsageLog.builder();
        usage.add("c1", "reports", LocalDate.parse("2026-03-03"), 3);
        usage.add("c2", "export", LocalDate.parse("2026-03-04"), 1);
        return EngagementData.of(List.of(
                        new Campaign("euro", "Euro webinar", "webinar", new BigDecimal("300"), "EUR", START, null, null),
                        new Campaign("tip", "Free tip", "in_app", BigDecimal.ZERO, "USD", START, null, null),
                        new Campaign("mail", "Analytics mail", "email", new BigDecimal("500"), "USD", START, null,
                                "analytics")),
                List.of(new Touchpoint("c4", "euro", LocalDate.parse("2026-03-02")),
                        new Touchpoint("c2", "tip", LocalDate.parse("2026-03-10")),
                        new Touchpoint("c1", "mail", LocalDate.parse("2026-03-01"))),
                usage.build());
    }

    private record Built(Optional<SummarySection> section, EngagementAnalyticsService service) {
    }

    private static Built build(EngagementData data) {
        TenantDataset dataset = SummaryFixture.data().withEngagement(data);
        MetricsService metrics = new MetricsService(tenant -> dataset);
        EngagementAnalyticsService service = new EngagementAnalyticsService(metrics, tenant -> dataset,
                tenant -> dataset.engagement());
        Summary summary = SummaryFixture.service(metrics)
                .withSection(new EngagementSectionSource(service, service, service))
                .summarize(SummaryFixture.marchRequest());
        return new Built(summary.sections().stream().filter(s -> s.id().equals("engagement")).findFirst(), service);
    }

    @Test
    void theFiguresAreTheUseCasesFiguresAsTheApiRoundsThem() {
        Built built = build(engagement());
        EngagementSection section = (EngagementSection) built.section().orElseThrow();
        CampaignReport campaigns = built.service().campaignAnalytics(
                CampaignAnalyticsQuery.of(SummaryFixture.TENANT, SummaryFixture.MARCH));
        JourneyReport journeys = built.service().journeys(JourneyAnalyticsQuery.of(SummaryFixture.TENANT, SummaryFixture.MARCH));
        EngagementReport usage = built.service().engagement(
                new EngagementAnalyticsQuery(SummaryFixture.TENANT, SummaryFixture.MARCH));

        assertThat(section.title()).isEqualTo("Campaigns and engagement");
        assertThat(section.campaigns()).extracting(EngagementSection.Campaign::campaignId)
                .containsExactly("mail", "tip", "euro");
        EngagementSection.Campaign mail = section.campaigns().get(0);
        assertThat(mail.attributedCrossSellMrr()).isEqualByComparingTo("777.77");
        assertThat(mail.incrementalRevenue()).isEqualTo(new BigDecimal("9333.24"));
        // open since 1 January: 31 of its 90 days to 31 March fall in March, 500 x 31 / 90 = 172.22;
        // (9,333.24 - 172.22...) / 172.22... = 5,319.30 %
        assertThat(mail.cost()).isEqualTo(new BigDecimal("500.00"));
        assertThat(mail.periodCost()).isEqualTo(new BigDecimal("172.22"));
        assertThat(mail.roiPct()).isEqualTo(new BigDecimal("5319.30"));
        assertThat(mail.noRoi()).isNull();
        assertThat(section.campaigns().get(1).roiPct()).isNull();
        assertThat(section.campaigns().get(1).noRoi()).isEqualTo(EngagementSection.NoRoi.ZERO_COST);
        assertThat(section.campaigns().get(2).cost()).isNull();
        assertThat(section.campaigns().get(2).noRoi()).isEqualTo(EngagementSection.NoRoi.NO_EXCHANGE_RATE);
        CampaignReport.CampaignResult mailResult = campaigns.campaigns().stream()
                .filter(c -> c.campaignId().equals("mail")).findFirst().orElseThrow();
        assertThat(mailResult.roiPct()).as("the API's ROI sets the whole cost against the window")
                .isEqualByComparingTo("1766.648");
        assertThat(section.attributedCrossSellMrr()).isEqualTo(present(campaigns.attributedCrossSellMrr()));
        assertThat(section.uplift().upliftPctPoints()).isEqualTo(present(campaigns.uplift().upliftPctPoints()));
        assertThat(section.uplift().ciLowPctPoints()).isEqualTo(present(campaigns.uplift().ciLowPctPoints()));
        assertThat(section.uplift().ciHighPctPoints()).isEqualTo(present(campaigns.uplift().ciHighPctPoints()));
        assertThat(section.channels()).extracting(EngagementSection.Channel::channel)
                .containsExactlyElementsOf(journeys.channels().stream().map(JourneyReport.ChannelFunnel::channel).toList());
        assertThat(section.quartiles()).hasSize(usage.quartiles().size());
        assertThat(section.quartiles().get(3).customerCrossSellRatePct())
                .isEqualTo(present(usage.quartiles().get(3).customerCrossSellRatePct()));
        assertThat(section.eventsInPeriod()).isEqualTo(4);

        String html = new SummaryHtml(new JteTemplates(), new Charts(), PaperSize.A4)
                .page(SummaryFixture.service(SummaryFixture.metrics())
                        .withSection(context -> built.section()).summarize(SummaryFixture.marchRequest()));
        assertThat(html).contains("Campaigns and engagement", "Analytics mail", "5,319.30 %", "$172.22", "n/a*",
                "* n/a: zero cost", "** n/a: the cost's currency has no exchange rate");
    }

    /**
     * A weekly summary of a 10-week campaign that cost 7,000: one week's cost is 700, so a week whose
     * attributed cross-sell brings 12 x 100 = 1,200 shows +71.43 %, not the -82.86 % of the whole
     * cost; a campaign that ended before the week has no cost in it and no ROI.
     */
    @Test
    void theCostCountedIsThePartOfTheCampaignInThePeriod() {
        LocalDate start = LocalDate.parse("2026-01-05");
        CampaignReport.CampaignResult tenWeeks = new CampaignReport.CampaignResult("c", "C", "email", null,
                new BigDecimal("7000"), 1, 1, new BigDecimal("100"), new BigDecimal("1200"), null, null, null,
                start, start.plusWeeks(10).minusDays(1));
        Window week = Window.of("2026-02-02", "2026-02-09");
        assertThat(EngagementSectionSource.periodCost(tenWeeks, week)).isEqualByComparingTo("700");
        assertThat(EngagementSectionSource.periodCost(tenWeeks, Window.of("2026-03-16", "2026-03-23")))
                .as("the week after its last day").isEqualByComparingTo("0");
        // the campaign's last three days, 13 to 15 March, in a week from 13 March
        assertThat(EngagementSectionSource.periodCost(tenWeeks, Window.of("2026-03-13", "2026-03-20")))
                .isEqualByComparingTo("300");
        CampaignReport.CampaignResult open = new CampaignReport.CampaignResult("o", "O", "email", null,
                new BigDecimal("900"), 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, start, null);
        // open: 5 January to 8 February is 35 days, 7 of them in the week
        assertThat(EngagementSectionSource.periodCost(open, week)).isEqualByComparingTo("180");
    }

    @Test
    void aTenantWithoutCampaignsOrUsageGetsNoSection() {
        assertThat(build(EngagementData.empty()).section()).isEmpty();
    }
}
