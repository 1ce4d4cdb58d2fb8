package io.xsell.server.chargebee;

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
import io.xsell.server.connections.MasterKey;
import io.xsell.server.connections.ProviderConnections;
import io.xsell.server.port.in.ConnectChargebeeUseCase;
import io.xsell.server.port.in.ReceiveChargebeeWebhookUseCase;
import io.xsell.server.dataimport.BackgroundPreparation;
import java.time.Clock;
import ru.vyarus.dropwizard.guice.module.support.DropwizardAwareModule;

/** Chargebee connections: the sync service over the neutral store, webhooks and each connection's scheduled sync. */
public class ChargebeeModule extends DropwizardAwareModule<XsellConfiguration> {

    @Override
    protected void configure() {
        bind(ConnectChargebeeUseCase.class).to(ChargebeeConnectionService.class);
        bind(ReceiveChargebeeWebhookUseCase.class).to(ChargebeeWebhookReceiver.class);
        Multibinder.newSetBinder(binder(), ProviderConnections.class).addBinding().to(ChargebeeConnectionService.class);
        Multibinder.newSetBinder(binder(), new TypeLiteral<Task<?>>() { }).addBinding()
                .toProvider(TaskProvider.class);
    }

    static final class TaskProvider implements com.google.inject.Provider<Task<?>> {
        private final ChargebeeSyncService sync;
        private final XsellConfiguration configuration;

        @jakarta.inject.Inject
        TaskProvider(ChargebeeSyncService sync, XsellConfiguration configuration) {
            this.sync = sync;
            this.configuration = configuration;
        }

        @Override
        public Task<?> get() {
            return ChargebeeSyncTask.create(sync, configuration.getChargebee().getSyncInterval().toJavaDuration());
        }
    }

    @Provides
    @Singleton
    ChargebeeSyncService chargebeeSync(JdbiConnectionStore store, ImportTenantDataUseCase imports,
                                       ResponseCache responses, BackgroundPreparation preparation, Clock clock) {
        return new ChargebeeSyncService(store, MasterKey.lazy(configuration().masterKey()),
                configuration().getChargebee()::apiBase,
                configuration().getChargebee().getRequestsPerSecond(), imports,
                tenant -> {
                    responses.dataChanged(tenant);
                    preparation.afterImport(tenant);
                }, clock);
    }

    @Provides
    @Singleton
    ChargebeeConnectionService connectionService(ChargebeeSyncService sync, SchedulerClient scheduler) {
        return new ChargebeeConnectionService(sync, scheduler);
    }

    @Provides
    @Singleton
    ChargebeeWebhookReceiver webhookReceiver(ChargebeeWebhooks webhooks) {
        return new ChargebeeWebhookReceiver(webhooks);
    }

    @Provides
    @Singleton
    ChargebeeWebhooks chargebeeWebhooks(ChargebeeSyncService sync, BackgroundRebuilds rebuilds) {
        return new ChargebeeWebhooks(sync, rebuilds);
    }

    /** The Chargebee sync of the {@code sync} command. */
    public static CommandLineSync commandLineSync() {
        return (configuration, jdbi, imports, clock) -> ChargebeeSyncTask.providerSync(new ChargebeeSyncService(
                new JdbiConnectionStore(jdbi), MasterKey.lazy(configuration.masterKey()),
                configuration.getChargebee()::apiBase,
                configuration.getChargebee().getRequestsPerSecond(), imports,
                tenant -> { }, clock));
    }
}
