package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The {@code analytics} object that {@code report --analytics} adds to the report: each member is
 * the exact body of the {@code GET /v1/analytics/...} endpoint of the same name for the report's
 * window (see docs/analytics.md for the parameters the command picks).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AnalyticsReportJson(BasketJson basket, TimeToAdoptionJson timeToAdoption, ChurnRiskJson churnRisk,
                                  CohortRetentionJson cohorts, ProductsPerCustomerJson productsPerCustomer,
                                  LifetimeValueJson clv, InsightsJson insights, PropensityJson propensity,
                                  CampaignReportJson campaigns, JourneyReportJson journeys,
                                  EngagementReportJson engagement) {
}
