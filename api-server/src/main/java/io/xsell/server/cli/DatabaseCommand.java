package io.xsell.server.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.tenant.TenantExistsException;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * A command that works on the configured database outside the server. The configuration file
 * is an option ({@code --config FILE}) rather than Dropwizard's positional argument, so commands
 * can take positional arguments of their own; without it the defaults apply (SQLite under
 * {@code ./xsell-data/}), and {@code -Ddw.database.url=...} overrides as for the server.
 */
abstract class DatabaseCommand extends ConfiguredCommand<XsellConfiguration> {

    DatabaseCommand(String name, String description) {
        super(name, description);
    }

    /** Runs after Dropwizard applied the configured logging, which would print INFO on stdout. */
    @Override
    protected final void run(Bootstrap<XsellConfiguration> bootstrap, Namespace namespace,
                             XsellConfiguration configuration) throws Exception {
        StderrLogging.install();
        execute(namespace, configuration);
    }

    protected abstract void execute(Namespace namespace, XsellConfiguration configuration) throws Exception;

    @Override
    protected Argument addFileArgument(Subparser subparser) {
        return subparser.addArgument("-c", "--config").dest("file").metavar("FILE")
                .help("application configuration file (optional)");
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof UsageException || e instanceof IllegalArgumentException || e instanceof TenantExistsException) {
            CommandErrors.printMessage(cli, e);
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
