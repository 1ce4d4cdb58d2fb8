package io.xsell.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.service.MetricsService;
import io.xsell.ingestion.csv.CsvFolderTenantData;
import io.xsell.ingestion.csv.ImportError;
import io.xsell.ingestion.csv.ImportValidationException;
import io.xsell.server.api.CrossSellReportJson;
import io.xsell.server.api.JsonMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code report --data DIR --from D --to D [--segment-by ATTR]}: the cross-sell window report of a
 * canonical CSV folder (or zip), printed as the exact JSON body of {@code GET /v1/metrics/cross-sell}.
 * On bad input nothing reaches stdout and every error goes to stderr.
 */
public class ReportCommand extends Command {
    private static final TenantId LOCAL = new TenantId("local");

    public ReportCommand() {
        super("report", "Print the cross-sell report of a canonical CSV folder or zip as JSON");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--data").required(true).metavar("DIR")
                .help("canonical CSV import: a folder or a .zip (see docs/import.md)");
        subparser.addArgument("--from").required(true).metavar("YYYY-MM-DD").help("first day of the window");
        subparser.addArgument("--to").required(true).metavar("YYYY-MM-DD").help("first day after the window");
        subparser.addArgument("--segment-by").dest("segment_by").metavar("ATTRIBUTE")
                .help("customer attribute to segment on (segment, industry, ...)");
        subparser.addArgument("--currency").metavar("CODE")
                .help("reporting currency; default: the items' currency when they all share one");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        Path data = CommandArguments.existing(namespace, "data");
        LocalDate from = CommandArguments.date(namespace, "from");
        LocalDate to = CommandArguments.date(namespace, "to");
        if (!from.isBefore(to)) {
            throw new UsageException("--from (" + from + ") must be before --to (" + to + ")");
        }
        MetricsService service = new MetricsService(
                new CsvFolderTenantData(data, namespace.getString("currency")));
        CrossSellReport report = service.crossSellReport(
                new CrossSellReportQuery(LOCAL, new Window(from, to), namespace.getString("segment_by")));
        ObjectMapper mapper = JsonMapper.forPeople(bootstrap.getObjectMapper().copy());
        // Rendered fully before anything is printed, so a failure leaves stdout empty.
        String json = mapper.writeValueAsString(CrossSellReportJson.of(report));
        System.out.println(json);
        System.out.flush();
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        PrintWriter err = cli.getStdErr();
        if (e instanceof ImportValidationException invalid) {
            err.println("The import has " + invalid.errors().size() + " error(s); nothing was reported:");
            for (ImportError error : invalid.errors()) {
                err.println("  " + error);
            }
        } else if (e instanceof UsageException || e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
        err.flush();
    }
}
