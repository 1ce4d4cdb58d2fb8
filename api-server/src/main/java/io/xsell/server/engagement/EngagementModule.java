package io.xsell.server.engagement;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.xsell.core.port.in.CampaignAnalyticsUseCase;
import io.xsell.core.port.in.EngagementAnalyticsUseCase;
import io.xsell.core.port.in.JourneyAnalyticsUseCase;
import io.xsell.core.port.in.RecordEngagementUseCase;
import io.xsell.core.port.out.LoadEngagementDataPort;
import io.xsell.core.port.out.LoadTenantDataPort;
import io.xsell.core.port.out.SaveEngagementDataPort;
import io.xsell.core.service.EngagementAnalyticsService;
import io.xsell.core.service.EngagementRecordingService;
import io.xsell.core.service.MetricsService;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.persistence.JdbiEngagementStore;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import ru.vyarus.dropwizard.guice.module.support.DropwizardAwareModule;

/** Campaigns, touchpoints and usage: their store, the service answering the analytics, and the version cache. */
public class EngagementModule extends DropwizardAwareModule<XsellConfiguration> {

    @Override
    protected void configure() {
        bind(LoadEngagementDataPort.class).to(JdbiEngagementStore.class);
        bind(SaveEngagementDataPort.class).to(JdbiEngagementStore.class);
        bind(CampaignAnalyticsUseCase.class).to(EngagementAnalyticsService.class);
        bind(JourneyAnalyticsUseCase.class).to(EngagementAnalyticsService.class);
        bind(EngagementAnalyticsUseCase.class).to(EngagementAnalyticsService.class);
        bind(RecordEngagementUseCase.class).to(EngagementRecordingService.class);
    }

    @Provides
    @Singleton
    JdbiEngagementStore engagementStore(Jdbi jdbi) {
        return new JdbiEngagementStore(jdbi);
    }

    @Provides
    @Singleton
    EngagementAnalyticsService engagementAnalytics(MetricsService metrics, LoadTenantDataPort billing,
                                                   LoadEngagementDataPort engagement) {
        return new EngagementAnalyticsService(metrics, billing, engagement);
    }

    @Provides
    @Singleton
    EngagementRecordingService engagementRecording(SaveEngagementDataPort store, Clock clock) {
        return new EngagementRecordingService(store, clock);
    }

    @Provides
    @Singleton
    EngagementVersions engagementVersions(JdbiEngagementStore store) {
        return new EngagementVersions(store, configuration().getDataVersionTtl().toJavaDuration());
    }
}
