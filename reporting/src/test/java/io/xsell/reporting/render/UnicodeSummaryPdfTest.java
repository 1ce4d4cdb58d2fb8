package io.xsell.reporting.render;

import static io.xsell.core.mrr.Decimals.present;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.metrics.WindowMetrics;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.service.MetricsService;
import io.xsell.reporting.port.RenderedSummary;
import io.xsell.reporting.schedule.Cadence;
import io.xsell.reporting.summary.Summary;
import io.xsell.reporting.summary.SummaryFixture;
import io.xsell.reporting.summary.SummaryRequest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A tenant named "Müller 株式会社" reporting in EUR with items in EUR, USD and GBP, lines named in
 * Cyrillic, Greek and Japanese, segments in Cyrillic and Chinese: every name comes back from the
 * PDF's text as written (no {@code #}), the fonts are embedded subsets, every amount carries the
 * euro sign, and the retention ratios are the engine's. The pages are written as PNG images under
 * {@code target/summary-pages/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnicodeSummaryPdfTest {
    static final String TENANT = "Müller 株式会社";
    static final List<String> NAMES = List.of("Платформа", "Ελληνικά πρόσθετα", "東京 アドオン", "Малый бизнес", "大型企業");

    private MetricsService metrics;
    private Summary summary;
    private RenderedSummary rendered;

    static TenantDataset data() {
        TenantDatasetFixture d = TenantDatasetFixture.dataset().reportingCurrency("EUR")
                .fx("2024-01-01", "USD", "0.90").fx("2024-01-01", "GBP", "1.15")
                .product("core", "Платформа", LineKind.CORE)
                .product("greek", "Ελληνικά πρόσθετα", LineKind.MODULE)
                .product("tokyo", "東京 アドオン", LineKind.ADD_ON);
        for (int i = 0; i < 30; i++) {
            String c = "c" + i;
            String currency = i % 3 == 0 ? "EUR" : i % 3 == 1 ? "USD" : "GBP";
            d.customer(c, "segment", i % 2 == 0 ? "Малый бизнес" : "大型企業");
            d.item(c, "core", b -> b.unitAmount("2400.50").currency(currency).start("2025-01-01"));
        }
        d.item("c1", "greek", b -> b.unitAmount("310.25").currency("USD").start("2026-03-04"))
                .item("c2", "tokyo", b -> b.unitAmount("99.99").currency("GBP").start("2026-03-12"))
                .item("c3", "greek", b -> b.unitAmount("310.25").currency("EUR").start("2026-02-20"))
                .customer("back", "segment", "Малый бизнес")
                .item("back", "core", b -> b.unitAmount("1800.00").currency("EUR").start("2025-01-01").end("2026-03-18"))
                .item("back", "core", b -> b.unitAmount("1800.00").currency("EUR").start("2026-03-25"))
                .customer("gone", "segment", "大型企業")
                .item("gone", "core", b -> b.unitAmount("500.00").currency("GBP").start("2025-06-01").end("2026-03-10"))
                .item("c5", "core", b -> b.unitAmount("300.00").currency("USD").start("2026-03-08"));
        return d.build();
    }

    @BeforeAll
    void render() {
        TenantDataset data = data();
        metrics = new MetricsService(tenant -> data);
        summary = SummaryFixture.service(metrics).summarize(new SummaryRequest(SummaryFixture.TENANT, TENANT,
                Cadence.MONTHLY, SummaryFixture.MARCH, SummaryRequest.DEFAULT_SEGMENT_BY));
        rendered = new OpenHtmlToPdfRenderer(new SummaryHtml(new JteTemplates(), new Charts(), PaperSize.A4))
                .render(summary);
    }

    @Test
    void everyNameComesBackFromThePdfAsWritten() throws IOException {
        String text = OpenHtmlToPdfRendererTest.text(rendered.pdf());
        assertThat(text).contains("Cross-sell summary: " + TENANT);
        for (String name : NAMES) {
            assertThat(text).as(name).contains(name);
        }
        assertThat(text).doesNotContain("#").doesNotContain("\uFFFD");
    }

    @Test
    void theFontsAreEmbeddedSubsets() throws IOException {
        List<String> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
        }
        // a subset's name carries a six-letter tag: ABCDEF+NotoSans-Regular
        assertThat(fonts).anySatisfy(f -> assertThat(f).matches("[A-Z]{6}\\+NotoSans-Regular"));
        assertThat(fonts).anySatisfy(f -> assertThat(f).matches("[A-Z]{6}\\+NotoSans-Bold"));
        assertThat(fonts).anySatisfy(f -> assertThat(f).matches("[A-Z]{6}\\+DroidSansFallback.*"));
        assertThat(rendered.pdf().length).as("subset, not whole fonts").isLessThan(1_500_000);
    }

    @Test
    void amountsCarryTheEuroSignAndTheRatiosAreTheEngines() throws IOException {
        WindowMetrics march = metrics.crossSellReport(
                new CrossSellReportQuery(SummaryFixture.TENANT, SummaryFixture.MARCH, null)).metrics();
        String text = OpenHtmlToPdfRendererTest.text(rendered.pdf());
        assertThat(text).contains("Amounts in EUR", "ARR " + Format.money(present(march.arr()), "EUR"),
                "Net revenue retention " + Format.percent(present(march.netRevenueRetentionPct())),
                "Gross revenue retention " + Format.percent(present(march.grossRevenueRetentionPct())),
                "Quick ratio " + Format.number(present(march.quickRatio())),
                "Starting MRR €", "Ending MRR €");
        // 310.25 USD at 0.90 and 99.99 GBP at 1.15
        assertThat(text).contains("Cross-sell MRR €394.21");
        assertThat(text).doesNotContain("$");
    }

    @Test
    void thePagesAreWrittenAsImagesUnderTarget() throws IOException {
        Path dir = Path.of("target", "summary-pages");
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith("unicode-summary")).toList()) {
                Files.delete(file);
            }
        }
        try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage page = renderer.renderImageWithDPI(i, 110);
                Path file = dir.resolve("unicode-summary-page-" + (i + 1) + ".png");
                ImageIO.write(page, "png", file.toFile());
                assertThat(Files.size(file)).isGreaterThan(10_000);
            }
        }
        Files.write(dir.resolve("unicode-summary.pdf"), rendered.pdf());
    }
}
