package io.xsell.reporting.summary;

import java.math.BigDecimal;
import java.util.List;

/**
 * Campaigns, journeys and engagement of the period, each figure as {@code GET /v1/analytics/campaigns},
 * {@code /journeys} and {@code /engagement} give it for the period with their default parameters.
 *
 * @param campaigns      the campaigns with the most attributed cross-sell MRR, most first
 * @param totalCampaigns how many campaigns the tenant has (the rest are through the API)
 */
public record EngagementSection(BigDecimal crossSellMrr, BigDecimal attributedCrossSellMrr,
                                BigDecimal unattributedCrossSellMrr, int attributionDays, int horizonMonths,
                                List<Campaign> campaigns, int totalCampaigns, Uplift uplift, int adoptionDays,
                                List<Channel> channels, long eventsInPeriod, List<Quartile> quartiles)
        implements SummarySection {

    public EngagementSection {
        campaigns = List.copyOf(campaigns);
        channels = List.copyOf(channels);
        quartiles = List.copyOf(quartiles);
    }

    /** Why a campaign has no ROI. */
    public enum NoRoi {
        /** a campaign that cost nothing has no return on its cost */
        ZERO_COST,
        /** its cost's currency has no exchange rate into the reporting currency on its start date */
        NO_EXCHANGE_RATE,
        /** the campaign did not run on any day of the period, so no part of its cost falls in it */
        NOT_RUNNING,
        /** nobody was touched by it in the period: no return to measure */
        NOT_TOUCHED
    }

    /**
     * @param cost       the campaign's whole cost, as the API gives it
     * @param periodCost the part of the cost that falls in the period, pro rata by days
     * @param roiPct     (incremental revenue - period cost) / period cost x 100: the return of the
     *                   period on what the period spent, so a long campaign is not set whole against
     *                   one week's revenue
     * @param noRoi      why {@code roiPct} is null; null when it is not
     */
    public record Campaign(String campaignId, String name, String channel, BigDecimal cost, BigDecimal periodCost,
                           long touchedCustomers, long attributedCrossSells, BigDecimal attributedCrossSellMrr,
                           BigDecimal incrementalRevenue, BigDecimal roiPct, NoRoi noRoi) {
    }

    /** Exposed versus unexposed customer cross-sell rate, the difference and its 95 % interval, in points. */
    public record Uplift(long exposedCustomers, BigDecimal exposedRatePct, long unexposedCustomers,
                         BigDecimal unexposedRatePct, BigDecimal upliftPctPoints, BigDecimal ciLowPctPoints,
                         BigDecimal ciHighPctPoints, Boolean significant) {
    }

    public record Channel(String channel, int campaigns, long touchedCustomers, long adoptedCustomers,
                          BigDecimal adoptionRatePct, BigDecimal medianDaysToAdoption) {
    }

    public record Quartile(int quartile, long customers, long minEvents, long maxEvents, long crossSellCustomers,
                           BigDecimal customerCrossSellRatePct, BigDecimal crossSellMrr) {
    }

    /** Whether some campaign shown has no ROI for {@code reason}, for the footnotes. */
    public boolean anyWithout(NoRoi reason) {
        return campaigns.stream().anyMatch(c -> c.noRoi() == reason);
    }

    @Override
    public String id() {
        return "engagement";
    }

    @Override
    public String title() {
        return "Campaigns and engagement";
    }
}
