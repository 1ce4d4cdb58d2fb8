package io.xsell.server.cli;

import io.xsell.core.model.DisplayNames;
import io.dropwizard.core.setup.Bootstrap;
import io.xsell.core.metrics.Window;
import io.xsell.core.service.EngagementAnalyticsService;
import io.xsell.core.service.MetricsService;
import io.xsell.core.service.SummaryAnalyticsService;
import io.xsell.reporting.port.RenderedSummary;
import io.xsell.reporting.render.Charts;
import io.xsell.reporting.render.JteTemplates;
import io.xsell.reporting.render.OpenHtmlToPdfRenderer;
import io.xsell.reporting.render.PaperSize;
import io.xsell.reporting.render.SummaryHtml;
import io.xsell.reporting.schedule.Cadence;
import io.xsell.reporting.summary.EngagementSectionSource;
import io.xsell.reporting.summary.Summary;
import io.xsell.reporting.summary.SummaryRequest;
import io.xsell.reporting.summary.SummaryService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Arrays;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code report-pdf --data DIR --from D --to D --out FILE.pdf}: the emailed summary of a canonical CSV
 * folder (or zip), rendered by the same code as the server's. A window that is exactly one
 * calendar week (Monday to Sunday), month or quarter is summarised as that cadence, compared with
 * the calendar period before; any other window with the window of equal length before it. The PDF
 * is written to a temporary file and moved into place, so a failure leaves no partial file. The
 * folder's campaigns.csv, touchpoints.csv and usage_events.csv, when present, add the campaigns and
 * engagement section, as a tenant's engagement data does on the server.
 */
public class ReportPdfCommand extends CsvFolderCommand {

    public ReportPdfCommand() {
        super("report-pdf", "Render the cross-sell summary of a canonical CSV folder or zip as PDF", "rendered");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--data").required(true).metavar("DIR")
                .help("canonical CSV import: a folder or a .zip (see docs/import.md)");
        subparser.addArgument("--from").required(true).metavar("YYYY-MM-DD").help("first day of the period");
        subparser.addArgument("--to").required(true).metavar("YYYY-MM-DD").help("first day after the period");
        subparser.addArgument("--out").required(true).metavar("FILE.pdf").help("where to write the PDF");
        subparser.addArgument("--html").metavar("FILE.html").help("also write the printable HTML page");
        subparser.addArgument("--segment-by").dest("segment_by").metavar("ATTRIBUTE").setDefault("segment")
                .help("customer attribute of the penetration-by-segment section (default: segment)");
        subparser.addArgument("--currency").metavar("CODE")
                .help("reporting currency; default: the items' currency when they all share one");
        subparser.addArgument("--paper").metavar("SIZE").setDefault("a4").help("a4 (default) or letter");
        subparser.addArgument("--name").metavar("NAME").help("company name printed on the summary (default: the folder's name)");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        Path data = CommandArguments.existing(namespace, "data");
        Window period = CommandArguments.window(namespace);
        Path out = Path.of(namespace.getString("out")).toAbsolutePath();
        if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
            throw new UsageException("--out: the folder " + out.getParent() + " does not exist");
        }
        PaperSize paper;
        try {
            paper = PaperSize.parse(namespace.getString("paper"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--paper: " + e.getMessage());
        }
        String name = namespace.getString("name") != null ? namespace.getString("name")
                : data.toAbsolutePath().normalize().getFileName().toString();

        LocalTenant local = LocalTenant.load(data, namespace.getString("currency"));
        MetricsService metrics = local.metrics();
        EngagementAnalyticsService engagement = local.engagement();
        SummaryService summaries = new SummaryService(metrics, metrics, metrics, new SummaryAnalyticsService(metrics),
                tenant -> DisplayNames.ofProducts(local.dataset().products()), Clock.systemUTC()).withSection(new EngagementSectionSource(engagement, engagement, engagement));
        Summary summary = summaries.summarize(new SummaryRequest(LOCAL, name, cadenceOf(period), period,
                namespace.getString("segment_by")));
        SummaryHtml html = new SummaryHtml(new JteTemplates(), new Charts(), paper);
        RenderedSummary rendered = new OpenHtmlToPdfRenderer(html).render(summary);

        write(out, rendered.pdf());
        if (namespace.getString("html") != null) {
            write(Path.of(namespace.getString("html")).toAbsolutePath(), rendered.htmlBytes());
        }
        System.out.println(out);
        System.out.flush();
    }

    /** The cadence whose calendar period the window is exactly; null for any other window. */
    static Cadence cadenceOf(Window window) {
        return Arrays.stream(Cadence.values()).filter(c -> c.periodOf(window.from()).equals(window)).findFirst()
                .orElse(null);
    }

    private static void write(Path target, byte[] content) throws java.io.IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".report-pdf-", ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
