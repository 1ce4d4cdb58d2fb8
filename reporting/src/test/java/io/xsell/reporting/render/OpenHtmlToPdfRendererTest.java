package io.xsell.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.reporting.port.RenderedSummary;
import io.xsell.reporting.summary.Headline;
import io.xsell.reporting.summary.Summary;
import io.xsell.reporting.summary.SummaryFixture;
import io.xsell.reporting.summary.WaterfallSection;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenHtmlToPdfRendererTest {
    private final JteTemplates templates = new JteTemplates();
    private Summary summary;
    private RenderedSummary a4;

    @BeforeAll
    void render() {
        summary = SummaryFixture.service(SummaryFixture.metrics()).summarize(SummaryFixture.marchRequest());
        a4 = new OpenHtmlToPdfRenderer(new SummaryHtml(templates, new Charts(), PaperSize.A4)).render(summary);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void thePdfTextHoldsEveryHeadlineFigureOfBothPeriodsAndTheWaterfall() throws IOException {
        String text = text(a4.pdf());
        assertThat(text).contains("Cross-sell summary: Acme & Co <Europe>", "2026-03-01 to 2026-03-31",
                "2026-02-01 to 2026-02-28");
        for (Headline h : summary.headlines().headlines()) {
            assertThat(text).as(h.field()).contains(h.label() + " " + Format.value(h, "USD") + " " + Format.previous(h, "USD") + " "
                    + Format.change(h, "USD"));
        }
        assertThat(text).contains("Cross-sell MRR $2,001.20 $345.67 +$1,655.53");
        WaterfallSection waterfall = (WaterfallSection) summary.sections().get(2);
        assertThat(text).contains("Starting MRR " + Format.money(waterfall.startingMrr(), "USD"),
                "Ending MRR " + Format.money(waterfall.endingMrr(), "USD"), "Contraction -$1,234.56", "Churn -$555.55");
        assertThat(text).contains("Penetration by segment", "Benchmark", "Top insights", "Page 1 of");
    }

    @Test
    void pageOneRenderedToAnImageIsNotBlank() throws IOException {
        try (PDDocument document = Loader.loadPDF(a4.pdf())) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
            long dark = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int rgb = page.getRGB(x, y);
                    int luminance = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                    if (luminance < 200) {
                        dark++;
                    }
                }
            }
            // text, table rules and the waterfall chart: well over 1 % of the page is ink
            assertThat(dark).isGreaterThan(page.getWidth() * (long) page.getHeight() / 100);
        }
    }

    @Test
    void thePageIsA4OrLetterAsConfiguredAndChartsAreHighResolution() throws IOException {
        RenderedSummary letter = new OpenHtmlToPdfRenderer(new SummaryHtml(templates, new Charts(), PaperSize.LETTER))
                .render(summary);
        try (PDDocument a4Doc = Loader.loadPDF(a4.pdf()); PDDocument letterDoc = Loader.loadPDF(letter.pdf())) {
            PDRectangle a4Box = a4Doc.getPage(0).getMediaBox();
            PDRectangle letterBox = letterDoc.getPage(0).getMediaBox();
            assertThat(a4Box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(a4Box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            assertThat(letterBox.getWidth()).isCloseTo(PDRectangle.LETTER.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(letterBox.getHeight()).isCloseTo(PDRectangle.LETTER.getHeight(), org.assertj.core.data.Offset.offset(1f));
            assertThat(a4Doc.getNumberOfPages()).isGreaterThan(1);
            var images = new java.util.ArrayList<org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject>();
            for (var page : a4Doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof
                            org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
                        images.add(image);
                    }
                }
            }
            assertThat(images).as("MRR trend, waterfall, product lines, trajectory").hasSize(4);
            assertThat(images.get(0).getWidth()).isEqualTo(Charts.WIDTH * Charts.SCALE);
        }
    }

    @Test
    void everyTemplateIsFoundAndCompiledTogether() {
        assertThat(templates.templateNames()).containsExactly("email.jte", "page.jte", "sections/benchmark.jte",
                "sections/engagement.jte", "sections/headlines.jte", "sections/insights.jte", "sections/mrr_trend.jte", "sections/product_lines.jte",
                "sections/segment_penetration.jte", "sections/trajectory.jte", "sections/waterfall.jte");
        for (var section : summary.sections()) {
            assertThat(templates.templateNames()).contains("sections/" + section.id() + ".jte");
        }
        JteTemplates fresh = new JteTemplates();
        fresh.prepare();
        assertThat(fresh.render("email.jte", java.util.Map.of("summary", summary))).contains("$2,001.20");
    }

    @Test
    void aTenantWithoutDataGetsASummaryOfZerosAndNotAvailables() throws IOException {
        io.xsell.core.model.TenantDataset empty = io.xsell.core.fixture.TenantDatasetFixture.dataset().build();
        io.xsell.core.service.MetricsService metrics = new io.xsell.core.service.MetricsService(tenant -> empty);
        Summary nothing = SummaryFixture.service(metrics).summarize(SummaryFixture.marchRequest());
        RenderedSummary rendered = new OpenHtmlToPdfRenderer(new SummaryHtml(templates, new Charts(), PaperSize.A4))
                .render(nothing);
        assertThat(text(rendered.pdf())).contains("Cross-sell MRR $0.00 $0.00 $0.00", "Cross-sell rate n/a n/a n/a",
                "No customer was active at the end of the period", "No insight rule fired");
    }

    @Test
    void theHtmlCarriesThePrintRulesAndEscapesTenantText() {
        String html = a4.html();
        assertThat(html).contains("size: A4", "tr { page-break-inside: avoid", "thead { display: table-header-group; }",
                "-fs-table-paginate: paginate", "counter(pages)");
        assertThat(html).contains("Acme &amp; Co &lt;Europe&gt;").doesNotContain("Acme & Co <Europe>");
        assertThat(html).contains("<img class=\"chart\" src=\"data:image/png;base64,");
    }
}
