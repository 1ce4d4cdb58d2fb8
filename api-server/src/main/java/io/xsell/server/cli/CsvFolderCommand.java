package io.xsell.server.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.service.EngagementAnalyticsService;
import io.xsell.core.service.MetricsService;
import io.xsell.ingestion.csv.CsvFolderTenantData;
import io.xsell.ingestion.csv.ImportError;
import io.xsell.ingestion.csv.ImportValidationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * A command that reads a canonical CSV folder (or zip) as one local tenant, without a database.
 * Bad input never shows a stack trace: the import's errors are listed one per line, a usage error
 * takes one line.
 */
abstract class CsvFolderCommand extends Command {
    static final TenantId LOCAL = new TenantId("local");

    /** What a failure did not do, for the first line of the import's errors ("reported", "rendered"). */
    private final String outcome;

    CsvFolderCommand(String name, String description, String outcome) {
        super(name, description);
        this.outcome = outcome;
    }

    /** The folder read once, so that the metrics and the engagement analytics share one priced ledger. */
    record LocalTenant(TenantDataset dataset, MetricsService metrics, EngagementAnalyticsService engagement) {
        static LocalTenant load(Path data, String currency) {
            TenantDataset dataset = new CsvFolderTenantData(data, currency).loadTenantData(LOCAL);
            MetricsService metrics = new MetricsService(tenant -> dataset);
            // the folder's campaigns.csv, touchpoints.csv and usage_events.csv; empty when it has none
            return new LocalTenant(dataset, metrics,
                    new EngagementAnalyticsService(metrics, tenant -> dataset, tenant -> dataset.engagement()));
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        PrintWriter err = cli.getStdErr();
        if (e instanceof ImportValidationException invalid) {
            err.println("The import has " + invalid.errors().size() + " error(s); nothing was " + outcome + ":");
            for (ImportError error : invalid.errors()) {
                err.println("  " + error);
            }
        } else if (e instanceof UsageException || e instanceof IllegalArgumentException) {
            CommandErrors.printMessage(cli, e);
        } else {
            CommandErrors.printUnexpected(cli, e);
        }
        err.flush();
    }
}
