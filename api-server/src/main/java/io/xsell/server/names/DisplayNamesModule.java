package io.xsell.server.names;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.xsell.core.port.in.DisplayNamesUseCase;
import io.xsell.core.port.out.LoadDisplayNamesPort;
import io.xsell.core.port.out.LoadTenantDataPort;
import io.xsell.core.service.DisplayNamesService;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.cache.ResponseCache;
import io.xsell.server.port.in.ManageDisplayNamesUseCase;
import org.jdbi.v3.core.Jdbi;
import ru.vyarus.dropwizard.guice.module.support.DropwizardAwareModule;

/** Display names: the tenant's mapping in the database over the line names of its imported products. */
public class DisplayNamesModule extends DropwizardAwareModule<XsellConfiguration> {

    @Override
    protected void configure() {
        bind(LoadDisplayNamesPort.class).to(JdbiDisplayNamesStore.class);
        bind(ManageDisplayNamesUseCase.class).to(DisplayNamesMappingService.class);
        bind(DisplayNamesUseCase.class).to(DisplayNamesService.class);
    }

    @Provides
    @Singleton
    JdbiDisplayNamesStore displayNamesStore(Jdbi jdbi) {
        return new JdbiDisplayNamesStore(jdbi);
    }

    @Provides
    @Singleton
    DisplayNamesMappingService displayNamesMapping(JdbiDisplayNamesStore store, ResponseCache cache) {
        return new DisplayNamesMappingService(store, cache);
    }

    @Provides
    @Singleton
    DisplayNamesService displayNames(LoadTenantDataPort data, LoadDisplayNamesPort mapping) {
        return new DisplayNamesService(data, mapping);
    }
}
