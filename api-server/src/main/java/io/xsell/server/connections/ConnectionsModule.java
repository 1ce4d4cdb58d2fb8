package io.xsell.server.connections;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.port.in.ChangeConnectionSettingsUseCase;
import io.xsell.server.port.in.ReadConnectionsQuery;
import io.xsell.server.port.in.SyncConnectionUseCase;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import ru.vyarus.dropwizard.guice.module.support.DropwizardAwareModule;

/** What every provider's connections share: one store over the neutral tables and the shared connection use cases. */
public class ConnectionsModule extends DropwizardAwareModule<XsellConfiguration> {

    @Override
    protected void configure() {
        // each provider's module adds its ProviderConnections to this set
        Multibinder.newSetBinder(binder(), ProviderConnections.class);
        bind(ReadConnectionsQuery.class).to(ConnectionsService.class);
        bind(ChangeConnectionSettingsUseCase.class).to(ConnectionsService.class);
        bind(SyncConnectionUseCase.class).to(ConnectionsService.class);
    }

    @Provides
    @Singleton
    ConnectionsService connections(JdbiConnectionStore store, Set<ProviderConnections> providers) {
        return new ConnectionsService(store, providers);
    }

    /**
     * One managed thread for every provider's webhook rebuilds: rebuilds of one connection supersede
     * each other, and Dropwizard stops the thread with the server.
     */
    @Provides
    @Singleton
    BackgroundRebuilds backgroundRebuilds() {
        return new BackgroundRebuilds(environment().lifecycle().executorService("connection-rebuild-%d")
                .minThreads(1).maxThreads(1).build());
    }

    @Provides
    @Singleton
    JdbiConnectionStore connectionStore(Jdbi jdbi) {
        return new JdbiConnectionStore(jdbi);
    }
}
