package io.xsell.benchmark;

import io.xsell.core.model.DisplayNames;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.service.MetricsService;
import io.xsell.core.service.SummaryAnalyticsService;
import io.xsell.reporting.port.RenderedSummary;
import io.xsell.reporting.render.Charts;
import io.xsell.reporting.render.JteTemplates;
import io.xsell.reporting.render.OpenHtmlToPdfRenderer;
import io.xsell.reporting.render.PaperSize;
import io.xsell.reporting.render.SummaryHtml;
import io.xsell.reporting.schedule.Cadence;
import io.xsell.reporting.summary.SummaryRequest;
import io.xsell.reporting.summary.SummaryService;
import io.xsell.server.cli.StderrLogging;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The emailed summary of one month as a PDF: every section's figures (two cross-sell reports, the
 * month's movements, twelve months of products per customer, penetration, the insight rules),
 * the three charts, the HTML and the PDF. {@link #summaryPdf} is a scheduled run in the server,
 * whose ledger was priced when the data was imported; {@link #summaryPdfFromDataset} also prices
 * the ledger from the dataset in memory, as the first run after a restart does. The first render
 * of a JVM also compiles the templates: the setup prints how long that first one took.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class SummaryPdfBenchmark {
    private static final TenantId TENANT = new TenantId("bench");
    /** The last full month of the generated history. */
    private static final Window MONTH = Window.of("2026-10-01", "2026-11-01");

    @Param({"100000"})
    public int customers;

    private TenantDataset dataset;
    private MetricsService metrics;
    private OpenHtmlToPdfRenderer renderer;

    @Setup(Level.Trial)
    public void generateAndPrice() {
        // as the commands and the server do: PDFBox logs at DEBUG otherwise
        StderrLogging.install();
        long started = System.nanoTime();
        dataset = BenchData.generate(customers);
        System.out.printf("%n[setup] %s, generated in %,d ms%n", BenchData.shape(dataset),
                (System.nanoTime() - started) / 1_000_000);
        TenantDataset data = dataset;
        metrics = new MetricsService(tenant -> data);
        renderer = new OpenHtmlToPdfRenderer(new SummaryHtml(new JteTemplates(), new Charts(), PaperSize.A4));
        long first = System.nanoTime();
        RenderedSummary rendered = render(metrics);
        System.out.printf("[setup] first summary PDF of this JVM (prices the ledger, compiles the templates): "
                + "%,d ms, %,d bytes%n", (System.nanoTime() - first) / 1_000_000, rendered.pdf().length);
    }

    private RenderedSummary render(MetricsService service) {
        SummaryService summaries = new SummaryService(service, service, service, new SummaryAnalyticsService(service),
                tenant -> DisplayNames.empty(), Clock.systemUTC());
        return renderer.render(summaries.summarize(
                new SummaryRequest(TENANT, "Bench Inc", Cadence.MONTHLY, MONTH, BenchData.SEGMENT_BY)));
    }

    @Benchmark
    public RenderedSummary summaryPdf() {
        return render(metrics);
    }

    @Benchmark
    public RenderedSummary summaryPdfFromDataset() {
        TenantDataset data = dataset;
        return render(new MetricsService(tenant -> data));
    }
}
