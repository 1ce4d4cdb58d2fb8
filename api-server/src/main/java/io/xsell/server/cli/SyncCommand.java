package io.xsell.server.cli;

import io.xsell.core.service.TenantDataImportService;
import io.xsell.ingestion.provider.SyncProgress;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.persistence.Databases;
import io.xsell.server.persistence.JdbiTenantDataStore;
import io.xsell.server.stripe.JdbiStripeStore;
import io.xsell.server.stripe.StripeSyncService;
import io.xsell.server.connections.SyncRun;
import java.io.PrintStream;
import java.time.Clock;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * Syncs one Stripe connection now, in this process, with a progress bar on stderr: meant for a
 * connection's first import (a backfill of the whole account), which can take a while. A sync cut
 * off (Ctrl-C, a failure) resumes where it stopped the next time, from here or from the server.
 */
public class SyncCommand extends DatabaseCommand {

    public SyncCommand() {
        super("sync", "Sync a Stripe connection now, with a progress bar (a backfill on its first run)");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("connection").help("the connection id (conn_…), as POST /v1/connections/stripe answered");
        super.configure(subparser);
    }

    @Override
    protected void execute(Namespace namespace, XsellConfiguration configuration) {
        String connectionId = namespace.getString("connection");
        Databases.migrate(configuration.getDatabase());
        Jdbi jdbi = Databases.jdbi(configuration.getDatabase());
        JdbiStripeStore store = new JdbiStripeStore(jdbi);
        io.xsell.server.stripe.StripeConnection connection = store.connection(connectionId).orElseThrow(
                () -> new IllegalArgumentException("no Stripe connection '" + connectionId + "'"));
        Clock clock = Clock.systemUTC();
        // a server sharing the database notices the new data version on its own (dataVersionTtl)
        StripeSyncService sync = new StripeSyncService(store, configuration.getStripe(),
                new TenantDataImportService(new JdbiTenantDataStore(jdbi), clock), tenant -> { }, clock);
        long estimate = store.lastBackfillSize(connection.tenant(), connectionId).orElse(-1L);
        PrintStream err = System.err;
        SyncRun run;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Stripe sync").setInitialMax(estimate)
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
