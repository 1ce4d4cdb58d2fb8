package io.xsell.server.cli;

import io.xsell.core.service.TenantDataImportService;
import io.xsell.ingestion.provider.SyncProgress;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.connections.CommandLineSync;
import io.xsell.server.connections.Connection;
import io.xsell.server.connections.JdbiConnectionStore;
import io.xsell.server.connections.SyncRun;
import io.xsell.server.persistence.Databases;
import io.xsell.server.persistence.JdbiTenantDataStore;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * Syncs one connection (Stripe or Chargebee) now, in this process, with a progress bar on stderr:
 * meant for a connection's first import (a backfill of the whole account), which can take a while.
 * A sync cut off (Ctrl-C, a failure) resumes where it stopped the next time, from here or from the
 * server.
 */
public class SyncCommand extends DatabaseCommand {
    private final Map<String, CommandLineSync> providers;

    /** @param providers each provider's sync by its name ({@code stripe}, {@code chargebee}) */
    public SyncCommand(Map<String, CommandLineSync> providers) {
        super("sync", "Sync a Stripe or Chargebee connection now, with a progress bar (a backfill on its first run)");
        this.providers = Map.copyOf(providers);
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("connection").help("the connection id (conn_…), as POST /v1/connections/{provider} answered");
        super.configure(subparser);
    }

    @Override
    protected void execute(Namespace namespace, XsellConfiguration configuration) {
        String connectionId = namespace.getString("connection");
        Databases.migrate(configuration.getDatabase());
        Jdbi jdbi = Databases.jdbi(configuration.getDatabase());
        JdbiConnectionStore store = new JdbiConnectionStore(jdbi);
        Connection connection = store.connection(connectionId)
                .filter(c -> providers.containsKey(c.provider()))
                .orElseThrow(() -> new IllegalArgumentException("no connection '" + connectionId + "'"));
        Clock clock = Clock.systemUTC();
        // a server sharing the database notices the new data version on its own (dataVersionTtl)
        var sync = providers.get(connection.provider()).create(configuration, jdbi,
                new TenantDataImportService(new JdbiTenantDataStore(jdbi), clock), clock);
        long estimate = store.lastBackfillSize(connection.tenant(), connectionId).orElse(-1L);
        String name = Character.toUpperCase(connection.provider().charAt(0)) + connection.provider().substring(1);
        PrintStream err = System.err;
        SyncRun run;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(name + " sync").setInitialMax(estimate)
                .setUnit(" objects", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(err)).showSpeed().build()) {
            SyncProgress progress = (list, stored, total) -> {
                bar.stepTo(total);
                bar.setExtraMessage(list);
            };
            run = sync.sync(connectionId, progress);
            bar.stepTo(run.objectsDone());
        }
        PrintStream out = System.out;
        out.println(run.kind() + " " + run.state() + ": " + run.objectsDone() + " objects " + run.counts());
        if (!"succeeded".equals(run.state())) {
            throw new IllegalArgumentException("sync " + run.id() + " failed: " + String.join("; ", run.errors()));
        }
    }
}
