package io.xsell.server.connections;

import io.xsell.core.port.in.ImportTenantDataUseCase;
import io.xsell.server.XsellConfiguration;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Builds one provider's sync outside the server, for the {@code sync} command (given by the composition root). */
@FunctionalInterface
public interface CommandLineSync {
    ProviderSync create(XsellConfiguration configuration, Jdbi jdbi, ImportTenantDataUseCase imports, Clock clock);
}
