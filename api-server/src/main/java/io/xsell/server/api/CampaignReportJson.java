package io.xsell.server.api;

import static io.xsell.core.mrr.Decimals.present;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.engagement.CampaignReport;
import java.math.BigDecimal;
import java.util.List;

/** The body of {@code GET /v1/analytics/campaigns}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CampaignReportJson(String from, String to, String currency, int attributionDays, int horizonMonths,
                                 BigDecimal crossSellMrr, long crossSells, BigDecimal attributedCrossSellMrr,
                                 long attributedCrossSells, BigDecimal unattributedCrossSellMrr, UpliftJson uplift,
                                 List<Campaign> campaigns) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Campaign(String campaignId, String name, String channel, String targetProductLine, BigDecimal cost,
                           long touchedCustomers, long attributedCrossSells, BigDecimal attributedCrossSellMrr,
                           BigDecimal incrementalRevenue, BigDecimal roiPct, String roiReason, UpliftJson uplift) {
    }

    public static CampaignReportJson of(CampaignReport r) {
        return new CampaignReportJson(r.window().from().toString(), r.window().to().toString(), r.currency(),
                r.attributionDays(), r.horizonMonths(), present(r.crossSellMrr()), r.crossSells(),
                present(r.attributedCrossSellMrr()), r.attributedCrossSells(), present(r.unattributedCrossSellMrr()),
                UpliftJson.of(r.uplift()),
                r.campaigns().stream().map(c -> new Campaign(c.campaignId(), c.name(), c.channel(),
                        c.targetProductLine(), present(c.cost()), c.touchedCustomers(), c.attributedCrossSells(),
                        present(c.attributedCrossSellMrr()), present(c.incrementalRevenue()), present(c.roiPct()), c.roiReason(),
                        UpliftJson.of(c.uplift()))).toList());
    }
}
