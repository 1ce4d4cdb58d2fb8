package io.xsell.core.port.in;

import io.xsell.core.engagement.CampaignReport;

/** Which campaigns earned cross-sell, what it is worth against their cost, and the exposed-vs-unexposed uplift. */
public interface CampaignAnalyticsUseCase {
    CampaignReport campaignAnalytics(CampaignAnalyticsQuery query);
}
