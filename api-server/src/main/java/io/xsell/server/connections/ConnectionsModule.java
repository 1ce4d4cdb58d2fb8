package io.xsell.server.connections;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.xsell.server.XsellConfiguration;
import org.jdbi.v3.core.Jdbi;
import ru.vyarus.dropwizard.guice.module.support.DropwizardAwareModule;

/** What every provider's connections share: one store over the neutral tables. */
public class ConnectionsModule extends DropwizardAwareModule<XsellConfiguration> {

    @Override
    protected void configure() {
        // bindings are the providers below
    }

    @Provides
    @Singleton
    JdbiConnectionStore connectionStore(Jdbi jdbi) {
        return new JdbiConnectionStore(jdbi);
    }
}
