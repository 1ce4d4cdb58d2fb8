package io.xsell.server.reporting;

import io.xsell.core.port.in.DisplayNamesUseCase;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import io.xsell.core.port.in.CampaignAnalyticsUseCase;
import io.xsell.core.port.in.CrossSellReportUseCase;
import io.xsell.core.port.in.EngagementAnalyticsUseCase;
import io.xsell.core.port.in.JourneyAnalyticsUseCase;
import io.xsell.core.port.in.MovementSeriesUseCase;
import io.xsell.core.port.in.PenetrationUseCase;
import io.xsell.core.port.in.SummaryAnalyticsUseCase;
import io.xsell.core.service.MetricsService;
import io.xsell.core.service.SummaryAnalyticsService;
import io.xsell.reporting.delivery.OutboxDispatcher;
import io.xsell.reporting.mail.SimpleJavaMailSender;
import io.xsell.reporting.mail.SummaryEmail;
import io.xsell.reporting.port.RenderSummaryPort;
import io.xsell.reporting.port.SendEmailPort;
import io.xsell.reporting.render.Charts;
import io.xsell.reporting.render.JteTemplates;
import io.xsell.reporting.render.OpenHtmlToPdfRenderer;
import io.xsell.reporting.render.SummaryHtml;
import io.xsell.reporting.summary.BuildSummaryUseCase;
import io.xsell.reporting.summary.EngagementSectionSource;
import io.xsell.reporting.summary.SummaryService;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.port.in.ManageReportSchedulesUseCase;
import io.xsell.server.port.in.UnsubscribeUseCase;
import io.xsell.server.port.in.ReadStoredReportsQuery;
import io.xsell.server.port.in.ResendReportUseCase;
import io.xsell.server.port.in.SendReportNowUseCase;
import io.xsell.server.tenant.TenantRegistry;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import ru.vyarus.dropwizard.guice.module.support.DropwizardAwareModule;

/**
 * Periodic summaries: the reporting module's ports bound to their adapters, the two scheduler tasks,
 * and the schedule and stored-report use cases the resources call (swap this module to swap them).
 */
public class ReportingModule extends DropwizardAwareModule<XsellConfiguration> {

    @Override
    protected void configure() {
        bind(SummaryAnalyticsUseCase.class).to(SummaryAnalyticsService.class);
        bind(BuildSummaryUseCase.class).to(SummaryService.class);
        bind(RenderSummaryPort.class).to(OpenHtmlToPdfRenderer.class);
        bind(SendEmailPort.class).to(SimpleJavaMailSender.class);
        bind(ManageReportSchedulesUseCase.class).to(ReportScheduleService.class);
        bind(UnsubscribeUseCase.class).to(ReportScheduleService.class);
        bind(SendReportNowUseCase.class).to(OnDemandReportService.class);
        bind(ReadStoredReportsQuery.class).to(StoredReportService.class);
        bind(ResendReportUseCase.class).to(StoredReportService.class);
        Multibinder.newSetBinder(binder(), new TypeLiteral<Task<?>>() { }).addBinding()
                .toProvider(ReportScheduleTaskProvider.class);
        Multibinder.newSetBinder(binder(), new TypeLiteral<RecurringTask<?>>() { }).addBinding()
                .toProvider(OutboxTaskProvider.class);
    }

    private ReportingConfig config() {
        return configuration().getReporting();
    }

    @Provides
    @Singleton
    SummaryAnalyticsService summaryAnalytics(MetricsService metrics) {
        return new SummaryAnalyticsService(metrics);
    }

    @Provides
    @Singleton
    SummaryService summaryService(CrossSellReportUseCase crossSell, MovementSeriesUseCase movements,
                                  PenetrationUseCase penetration, SummaryAnalyticsUseCase analytics,
                                  CampaignAnalyticsUseCase campaigns, JourneyAnalyticsUseCase journeys,
                                  EngagementAnalyticsUseCase engagement, DisplayNamesUseCase names,
                                  Clock clock) {
        return new SummaryService(crossSell, movements, penetration, analytics, names, clock)
                .withSection(new EngagementSectionSource(campaigns, journeys, engagement));
    }

    @Provides
    @Singleton
    SummaryHtml summaryHtml() {
        return new SummaryHtml(new JteTemplates(), new Charts(), config().paperSize());
    }

    @Provides
    @Singleton
    OpenHtmlToPdfRenderer pdfRenderer(SummaryHtml html) {
        return new OpenHtmlToPdfRenderer(html);
    }

    @Provides
    @Singleton
    SummaryEmail summaryEmail(SummaryHtml html) {
        return new SummaryEmail(html);
    }

    @Provides
    @Singleton
    SimpleJavaMailSender mailSender() {
        return new SimpleJavaMailSender(config().smtpSettings());
    }

    @Provides
    @Singleton
    JdbiReportScheduleStore scheduleStore(Jdbi jdbi) {
        return new JdbiReportScheduleStore(jdbi);
    }

    @Provides
    @Singleton
    JdbiReportStore reportStore(Jdbi jdbi) {
        return new JdbiReportStore(jdbi);
    }

    @Provides
    @Singleton
    ReportGeneration reportGeneration(BuildSummaryUseCase summaries, RenderSummaryPort renderer, SummaryEmail emails,
                                      JdbiReportStore reports, TenantRegistry tenants, JdbiReportScheduleStore schedules,
                                      Clock clock) {
        return new ReportGeneration(summaries, renderer, emails, reports, tenants, config().segmentBy(), clock)
                .withUnsubscribeLinks(schedules, config().publicBaseUrl());
    }

    @Provides
    @Singleton
    OutboxDispatcher outboxDispatcher(JdbiReportStore outbox, SendEmailPort email, Clock clock) {
        return new OutboxDispatcher(outbox, email, config().retryPolicy(), config().sendingLease(), clock);
    }

    @Provides
    @Singleton
    ReportSchedules reportSchedules(JdbiReportScheduleStore store, SchedulerClient scheduler, Clock clock) {
        return new ReportSchedules(store, scheduler, clock);
    }

    @Provides
    @Singleton
    ReportScheduleService reportScheduleService(ReportSchedules schedules, JdbiReportScheduleStore store) {
        return new ReportScheduleService(schedules, store);
    }

    @Provides
    @Singleton
    OnDemandReportService onDemandReports(JdbiReportScheduleStore schedules, JdbiReportStore reports,
                                          ReportGeneration generation, Clock clock) {
        return new OnDemandReportService(schedules, reports, generation, clock);
    }

    @Provides
    @Singleton
    StoredReportService storedReportService(JdbiReportStore reports, Clock clock) {
        return new StoredReportService(reports, clock);
    }

    static final class ReportScheduleTaskProvider implements jakarta.inject.Provider<Task<?>> {
        private final JdbiReportScheduleStore schedules;
        private final ReportGeneration generation;
        private final OutboxDispatcher outbox;

        @jakarta.inject.Inject
        ReportScheduleTaskProvider(JdbiReportScheduleStore schedules, ReportGeneration generation,
                                   OutboxDispatcher outbox) {
            this.schedules = schedules;
            this.generation = generation;
            this.outbox = outbox;
        }

        @Override
        public Task<?> get() {
            return ReportScheduleTask.create(schedules, generation, outbox);
        }
    }

    static final class OutboxTaskProvider implements jakarta.inject.Provider<RecurringTask<?>> {
        private final OutboxDispatcher outbox;
        private final XsellConfiguration configuration;

        @jakarta.inject.Inject
        OutboxTaskProvider(OutboxDispatcher outbox, XsellConfiguration configuration) {
            this.outbox = outbox;
            this.configuration = configuration;
        }

        /** One instance of the cluster at a time sends the due emails. */
        @Override
        public RecurringTask<?> get() {
            return Tasks.recurring("report-outbox", FixedDelay.of(configuration.getReporting().outboxInterval()))
                    .execute((instance, context) -> outbox.dispatchDue());
        }
    }
}
