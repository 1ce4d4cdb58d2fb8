package io.xsell.server.analytics;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.xsell.core.port.in.BasketUseCase;
import io.xsell.core.port.in.ChurnRiskUseCase;
import io.xsell.core.port.in.CohortRetentionUseCase;
import io.xsell.core.port.in.InsightsUseCase;
import io.xsell.core.port.in.LifetimeValueUseCase;
import io.xsell.core.port.in.ProductsPerCustomerUseCase;
import io.xsell.core.port.in.PropensityUseCase;
import io.xsell.core.port.in.TimeToAdoptionUseCase;
import io.xsell.core.port.out.PropensityModelTrainer;
import io.xsell.core.service.AnalyticsService;
import io.xsell.core.service.MetricsService;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.propensity.TribuoLogisticTrainer;
import ru.vyarus.dropwizard.guice.module.support.DropwizardAwareModule;

/** Binds the analytics use cases to the service sharing the metrics' priced ledgers, and the propensity trainer. */
public class AnalyticsModule extends DropwizardAwareModule<XsellConfiguration> {

    @Override
    protected void configure() {
        bind(PropensityModelTrainer.class).to(TribuoLogisticTrainer.class);
        bind(BasketUseCase.class).to(AnalyticsService.class);
        bind(TimeToAdoptionUseCase.class).to(AnalyticsService.class);
        bind(ChurnRiskUseCase.class).to(AnalyticsService.class);
        bind(CohortRetentionUseCase.class).to(AnalyticsService.class);
        bind(ProductsPerCustomerUseCase.class).to(AnalyticsService.class);
        bind(LifetimeValueUseCase.class).to(AnalyticsService.class);
        bind(InsightsUseCase.class).to(AnalyticsService.class);
        bind(PropensityUseCase.class).to(AnalyticsService.class);
    }

    @Provides
    @Singleton
    TribuoLogisticTrainer trainer() {
        return new TribuoLogisticTrainer();
    }

    @Provides
    @Singleton
    AnalyticsService analyticsService(MetricsService metrics, PropensityModelTrainer trainer) {
        return new AnalyticsService(metrics, trainer);
    }
}
