package io.xsell.reporting.summary;

import static io.xsell.core.mrr.Decimals.present;

import io.xsell.core.engagement.CampaignReport;
import io.xsell.core.engagement.EngagementReport;
import io.xsell.core.engagement.JourneyReport;
import io.xsell.core.port.in.CampaignAnalyticsQuery;
import io.xsell.core.port.in.CampaignAnalyticsUseCase;
import io.xsell.core.port.in.EngagementAnalyticsQuery;
import io.xsell.core.port.in.EngagementAnalyticsUseCase;
import io.xsell.core.port.in.JourneyAnalyticsQuery;
import io.xsell.core.port.in.JourneyAnalyticsUseCase;
import io.xsell.core.metrics.Window;
import io.xsell.core.mrr.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the {@link EngagementSection} from the use cases behind {@code GET /v1/analytics/campaigns},
 * {@code /journeys} and {@code /engagement}, for the summary's period with their default parameters,
 * rounded as their JSON is. Left out for a tenant with no campaign at all and no usage event in the period:
 * a summary of a tenant that does not record engagement stays as it was.
 */
public final class EngagementSectionSource implements SectionSource {
    /** Campaigns shown; the rest are counted. */
    static final int TOP_CAMPAIGNS = 5;

    private final CampaignAnalyticsUseCase campaigns;
    private final JourneyAnalyticsUseCase journeys;
    private final EngagementAnalyticsUseCase engagement;

    public EngagementSectionSource(CampaignAnalyticsUseCase campaigns, JourneyAnalyticsUseCase journeys,
                                   EngagementAnalyticsUseCase engagement) {
        this.campaigns = Objects.requireNonNull(campaigns);
        this.journeys = Objects.requireNonNull(journeys);
        this.engagement = Objects.requireNonNull(engagement);
    }

    @Override
    public Optional<SummarySection> build(SummaryContext context) {
        SummaryRequest request = context.request();
        CampaignReport c = campaigns.campaignAnalytics(CampaignAnalyticsQuery.of(request.tenant(), request.period()));
        EngagementReport e = engagement.engagement(new EngagementAnalyticsQuery(request.tenant(), request.period()));
        if (c.campaigns().isEmpty() && e.events() == 0) {
            return Optional.empty();
        }
        JourneyReport j = journeys.journeys(JourneyAnalyticsQuery.of(request.tenant(), request.period()));
        // stable: campaigns with equal attributed MRR keep the API's order
        List<EngagementSection.Campaign> top = c.campaigns().stream()
                .sorted(Comparator.comparing(CampaignReport.CampaignResult::attributedCrossSellMrr).reversed())
                .limit(TOP_CAMPAIGNS)
                .map(r -> campaign(r, request.period()))
                .toList();
        var u = c.uplift();
        EngagementSection.Uplift uplift = new EngagementSection.Uplift(u.exposedCustomers(),
                present(u.exposedRatePct()), u.unexposedCustomers(), present(u.unexposedRatePct()),
                present(u.upliftPctPoints()), present(u.ciLowPctPoints()), present(u.ciHighPctPoints()),
                u.significant());
        List<EngagementSection.Channel> channels = j.channels().stream()
                .map(ch -> new EngagementSection.Channel(ch.channel(), ch.campaigns(), ch.touchedCustomers(),
                        ch.adoptedCustomers(), present(ch.adoptionRatePct()), present(ch.medianDaysToAdoption())))
                .toList();
        List<EngagementSection.Quartile> quartiles = e.quartiles().stream()
                .map(q -> new EngagementSection.Quartile(q.quartile(), q.customers(), q.minEvents(), q.maxEvents(),
                        q.crossSellCustomers(), present(q.customerCrossSellRatePct()), present(q.crossSellMrr())))
                .toList();
        return Optional.of(new EngagementSection(present(c.crossSellMrr()), present(c.attributedCrossSellMrr()),
                present(c.unattributedCrossSellMrr()), c.attributionDays(), c.horizonMonths(), top,
                c.campaigns().size(), uplift, j.adoptionDays(), channels, e.events(), quartiles));
    }

    private static EngagementSection.Campaign campaign(CampaignReport.CampaignResult r, Window period) {
        BigDecimal periodCost = r.cost() == null ? null : periodCost(r, period);
        EngagementSection.NoRoi noRoi = r.cost() == null ? EngagementSection.NoRoi.NO_EXCHANGE_RATE
                : r.cost().signum() == 0 ? EngagementSection.NoRoi.ZERO_COST
                : periodCost.signum() == 0 ? EngagementSection.NoRoi.NOT_RUNNING
                : r.touchedCustomers() == 0 ? EngagementSection.NoRoi.NOT_TOUCHED : null;
        BigDecimal roi = noRoi != null ? null
                : Decimals.percent(r.incrementalRevenue().subtract(periodCost), periodCost);
        return new EngagementSection.Campaign(r.campaignId(), r.name(), r.channel(), present(r.cost()),
                present(periodCost), r.touchedCustomers(), r.attributedCrossSells(),
                present(r.attributedCrossSellMrr()), present(r.incrementalRevenue()), present(roi), noRoi);
    }

    /**
     * The cost times the share of the campaign's days that fall in the period. A campaign's days run
     * from its start date to its end date, both included; an open campaign's run to the period's
     * last day, so by then all of its cost has been counted.
     */
    static BigDecimal periodCost(CampaignReport.CampaignResult r, Window period) {
        LocalDate lastOfPeriod = period.to().minusDays(1);
        LocalDate last = r.endDate() == null ? lastOfPeriod : r.endDate();
        if (last.isBefore(r.startDate())) {
            return BigDecimal.ZERO;
        }
        long campaignDays = ChronoUnit.DAYS.between(r.startDate(), last) + 1;
        LocalDate from = r.startDate().isAfter(period.from()) ? r.startDate() : period.from();
        LocalDate to = last.isBefore(lastOfPeriod) ? last : lastOfPeriod;
        long inPeriod = to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
        return r.cost().multiply(BigDecimal.valueOf(inPeriod)).divide(BigDecimal.valueOf(campaignDays), Decimals.MC);
    }
}
