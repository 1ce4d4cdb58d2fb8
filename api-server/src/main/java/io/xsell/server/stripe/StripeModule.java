package io.xsell.server.stripe;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import io.xsell.core.port.in.ImportTenantDataUseCase;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.cache.ResponseCache;
import io.xsell.server.connections.BackgroundRebuilds;
import io.xsell.server.connections.CommandLineSync;
import io.xsell.server.connections.JdbiConnectionStore;
import io.xsell.server.dataimport.BackgroundPreparation;
import io.xsell.server.connections.ProviderConnections;
import io.xsell.server.port.in.ConnectStripeUseCase;
import io.xsell.server.port.in.ReceiveStripeWebhookUseCase;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import ru.vyarus.dropwizard.guice.module.support.DropwizardAwareModule;

/**
 * Stripe connections: the store, the sync service, webhooks and each connection's scheduled sync,
 * and the connection and webhook use cases the resources call (swap this module to swap them).
 */
public class StripeModule extends DropwizardAwareModule<XsellConfiguration> {

    @Override
    protected void configure() {
        bind(ConnectStripeUseCase.class).to(StripeConnectionService.class);
        Multibinder.newSetBinder(binder(), ProviderConnections.class).addBinding().to(StripeConnectionService.class);
        bind(ReceiveStripeWebhookUseCase.class).to(StripeWebhookReceiver.class);
        Multibinder.newSetBinder(binder(), new TypeLiteral<Task<?>>() { }).addBinding()
                .toProvider(TaskProvider.class);
    }

    static final class TaskProvider implements com.google.inject.Provider<Task<?>> {
        private final StripeSyncService sync;
        private final XsellConfiguration configuration;

        @jakarta.inject.Inject
        TaskProvider(StripeSyncService sync, XsellConfiguration configuration) {
            this.sync = sync;
            this.configuration = configuration;
        }

        @Override
        public Task<?> get() {
            return StripeSyncTask.create(sync, configuration.getStripe().getSyncInterval().toJavaDuration());
        }
    }

    @Provides
    @Singleton
    JdbiStripeStore stripeStore(JdbiConnectionStore store) {
        return new JdbiStripeStore(store);
    }

    /** The Stripe sync of the {@code sync} command. */
    public static CommandLineSync commandLineSync() {
        return (configuration, jdbi, imports, clock) -> StripeSyncTask.providerSync(new StripeSyncService(
                new JdbiStripeStore(jdbi), configuration.getStripe(), configuration.masterKey(), imports, tenant -> { },
                clock));
    }

    @Provides
    @Singleton
    StripeSyncService stripeSync(JdbiStripeStore store, ImportTenantDataUseCase imports, ResponseCache responses,
                                 BackgroundPreparation preparation, Clock clock) {
        return new StripeSyncService(store, configuration().getStripe(), configuration().masterKey(), imports,
                tenant -> {
                    responses.dataChanged(tenant);
                    preparation.afterImport(tenant);
                }, clock);
    }

    @Provides
    @Singleton
    StripeConnectionService connectionService(StripeSyncService sync, SchedulerClient scheduler) {
        return new StripeConnectionService(sync, scheduler);
    }

    @Provides
    @Singleton
    StripeWebhookReceiver webhookReceiver(StripeWebhooks webhooks) {
        return new StripeWebhookReceiver(webhooks);
    }

    @Provides
    @Singleton
    StripeWebhooks stripeWebhooks(StripeSyncService sync, BackgroundRebuilds rebuilds) {
        return new StripeWebhooks(sync, rebuilds);
    }
}
