package io.xsell.core.service;

import io.xsell.core.analytics.AttachConcentration;
import io.xsell.core.analytics.AttachedCohortRetention;
import io.xsell.core.analytics.BasketAnalysis;
import io.xsell.core.analytics.ChurnRiskCorrelation;
import io.xsell.core.analytics.LifetimeValue;
import io.xsell.core.analytics.ProductsPerCustomer;
import io.xsell.core.analytics.ProductsPerCustomerTrajectory;
import io.xsell.core.analytics.TimeToAdoption;
import io.xsell.core.insights.Insight;
import io.xsell.core.insights.InsightEngine;
import io.xsell.core.insights.InsightsAnswer;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.port.in.BasketQuery;
import io.xsell.core.port.in.BasketUseCase;
import io.xsell.core.port.in.ChurnRiskQuery;
import io.xsell.core.port.in.ChurnRiskUseCase;
import io.xsell.core.port.in.CohortRetentionQuery;
import io.xsell.core.port.in.CohortRetentionUseCase;
import io.xsell.core.port.in.InsightsQuery;
import io.xsell.core.port.in.InsightsUseCase;
import io.xsell.core.port.in.LifetimeValueQuery;
import io.xsell.core.port.in.LifetimeValueUseCase;
import io.xsell.core.port.in.ProductsPerCustomerQuery;
import io.xsell.core.port.in.ProductsPerCustomerUseCase;
import io.xsell.core.port.in.PropensityQuery;
import io.xsell.core.port.in.PropensityUseCase;
import io.xsell.core.port.in.TimeToAdoptionQuery;
import io.xsell.core.port.in.TimeToAdoptionUseCase;
import io.xsell.core.port.out.PropensityModelTrainer;
import io.xsell.core.propensity.PropensityAnalysis;
import io.xsell.core.propensity.PropensityReport;
import java.util.List;
import java.util.Objects;

/**
 * Answers the analytics of spec section 6 from the ledger {@link MetricsService} keeps per tenant,
 * so a tenant's data is priced once for metrics and analytics alike.
 */
public final class AnalyticsService implements BasketUseCase, TimeToAdoptionUseCase, ChurnRiskUseCase,
        CohortRetentionUseCase, ProductsPerCustomerUseCase, LifetimeValueUseCase, InsightsUseCase, PropensityUseCase {
    private final MetricsService metrics;
    private final PropensityModelTrainer trainer;

    public AnalyticsService(MetricsService metrics, PropensityModelTrainer trainer) {
        this.metrics = Objects.requireNonNull(metrics);
        this.trainer = Objects.requireNonNull(trainer);
    }

    private MrrLedger ledger(io.xsell.core.model.TenantId tenant) {
        return metrics.ledger(tenant);
    }

    @Override
    public BasketAnalysis basket(BasketQuery query) {
        return BasketAnalysis.on(ledger(query.tenant()), query.date(), query.allTime());
    }

    @Override
    public TimeToAdoption timeToAdoption(TimeToAdoptionQuery query) {
        return TimeToAdoption.of(ledger(query.tenant()), query.window());
    }

    @Override
    public ChurnRiskCorrelation churnRisk(ChurnRiskQuery query) {
        return ChurnRiskCorrelation.of(ledger(query.tenant()), query.window());
    }

    @Override
    public AttachedCohortRetention cohortRetention(CohortRetentionQuery query) {
        return AttachedCohortRetention.of(ledger(query.tenant()), query.month());
    }

    @Override
    public ProductsPerCustomer productsPerCustomer(ProductsPerCustomerQuery query) {
        MrrLedger ledger = ledger(query.tenant());
        return new ProductsPerCustomer(ProductsPerCustomerTrajectory.of(ledger, query.window()),
                AttachConcentration.of(ledger, query.window()));
    }

    @Override
    public LifetimeValue lifetimeValue(LifetimeValueQuery query) {
        MetricsService.Priced priced = metrics.priced(query.tenant());
        return LifetimeValue.of(priced.ledger(), priced.dataset(), query.window(), query.defaultGrossMargin());
    }

    @Override
    public InsightsAnswer insights(InsightsQuery query) {
        return InsightEngine.answer(ledger(query.tenant()), query.window(), query.segmentBy());
    }

    @Override
    public PropensityReport propensity(PropensityQuery query) {
        MetricsService.Priced priced = metrics.priced(query.tenant());
        return PropensityAnalysis.run(priced.ledger(), priced.dataset(), trainer, query.date(), query.horizonDays(),
                query.trainCutoffs(), query.segmentBy(), query.line(), query.limit());
    }
}
