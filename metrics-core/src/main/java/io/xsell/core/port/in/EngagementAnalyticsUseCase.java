package io.xsell.core.port.in;

import io.xsell.core.engagement.EngagementReport;

/** Feature usage frequency, engagement depth, and cross-sell and churn by engagement quartile. */
public interface EngagementAnalyticsUseCase {
    EngagementReport engagement(EngagementAnalyticsQuery query);
}
