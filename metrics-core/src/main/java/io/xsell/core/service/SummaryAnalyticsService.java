package io.xsell.core.service;

import io.xsell.core.analytics.ProductsPerCustomerTrajectory;
import io.xsell.core.insights.Insight;
import io.xsell.core.insights.InsightEngine;
import io.xsell.core.port.in.SummaryAnalyticsQuery;
import io.xsell.core.port.in.SummaryAnalyticsUseCase;
import java.util.List;
import java.util.Objects;

/** Reads a tenant's analytics from the ledger {@link MetricsService} keeps, so nothing is priced twice. */
public final class SummaryAnalyticsService implements SummaryAnalyticsUseCase {
    private final MetricsService metrics;

    public SummaryAnalyticsService(MetricsService metrics) {
        this.metrics = Objects.requireNonNull(metrics);
    }

    @Override
    public ProductsPerCustomerTrajectory productsPerCustomerTrajectory(SummaryAnalyticsQuery query) {
        return ProductsPerCustomerTrajectory.of(metrics.ledger(query.tenant()), query.window());
    }

    @Override
    public List<Insight> insights(SummaryAnalyticsQuery query) {
        return InsightEngine.insights(metrics.ledger(query.tenant()), query.window(), query.segmentBy(),
                query.names());
    }
}
