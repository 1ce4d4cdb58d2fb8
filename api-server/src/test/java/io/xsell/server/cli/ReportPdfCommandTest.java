package io.xsell.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xsell.server.fixture.EngagementSectionRows;
import io.xsell.server.fixture.WorkedExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPdfCommandTest {
    @TempDir
    Path dir;

    private Path data() throws IOException {
        Path data = Files.createDirectory(dir.resolve("acme"));
        WorkedExample.writeTo(data, WorkedExample.files());
        return data;
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void rendersTheMonthsSummaryWithTheFiguresOfTheReportCommand() throws IOException {
        Path out = dir.resolve("march.pdf");
        Path html = dir.resolve("march.html");
        CommandRunner.Result result = CommandRunner.run("report-pdf", "--data", data().toString(), "--from", "2025-03-01",
                "--to", "2025-04-01", "--out", out.toString(), "--html", html.toString());

        assertThat(result.succeeded()).as(result.stderr()).isTrue();
        assertThat(result.stdout().trim()).isEqualTo(out.toAbsolutePath().toString());
        String text = text(out);
        // the worked example's March: product B's 21,000 cross-sold, against February's add-on 9,500
        assertThat(text).contains("Cross-sell summary: acme", "2025-03-01 to 2025-03-31 (monthly)",
                "compared with 2025-02-01 to 2025-02-28", "Cross-sell MRR $21,000.00 $9,500.00 +$11,500.00",
                "Starting MRR $889,500.00", "Ending MRR $910,500.00", "Penetration by segment");
        assertThat(text).as("no engagement files: no engagement section").doesNotContain("Campaigns and engagement");
        assertThat(Files.readString(html)).contains("$21,000.00", "size: A4");

        CommandRunner.Result report = CommandRunner.run("report", "--data", dir.resolve("acme").toString(),
                "--from", "2025-03-01", "--to", "2025-04-01");
        assertThat(report.stdout()).contains("\"cross_sell_mrr\" : 21000.00", "\"starting_mrr\" : 889500.00");
    }

    @Test
    void theLineNamesOfProductsCsvReplaceTheIdsInThePdfAndStandBesideThemInTheReport() throws IOException {
        Path data = Files.createDirectory(dir.resolve("named"));
        Map<String, String> files = new java.util.LinkedHashMap<>(WorkedExample.files());
        files.put("products.csv", """
                product_id,name,product_line,kind,product_line_name
                core,Core platform,core,core,Core Platform
                B,Product B,product_b,module,Premium Support 株式会社
                C,Product C,product_c,module,Analytics Suite
                addon,Add-on,add_on,add_on,Extra Seats
                """);
        WorkedExample.writeTo(data, files);
        Path out = dir.resolve("named.pdf");
        CommandRunner.Result result = CommandRunner.run("report-pdf", "--data", data.toString(), "--from", "2025-03-01",
                "--to", "2025-04-01", "--out", out.toString());

        assertThat(result.succeeded()).as(result.stderr()).isTrue();
        assertThat(text(out)).contains("Premium Support 株式会社", "Extra Seats", "Core Platform")
                .doesNotContain("product_b", "add_on");

        CommandRunner.Result report = CommandRunner.run("report", "--data", data.toString(),
                "--from", "2025-03-01", "--to", "2025-04-01");
        assertThat(report.stdout().replaceAll("\\s+", " ")).contains("\"product_line\" : \"product_b\", "
                + "\"product_line_name\" : \"Premium Support 株式会社\"");
    }

    @Test
    void aFreeWindowOnLetterPaperIsComparedWithTheWindowBeforeIt() throws IOException {
        Path out = dir.resolve("year.pdf");
        CommandRunner.Result result = CommandRunner.run("report-pdf", "--data", data().toString(), "--from", "2025-01-01",
                "--to", "2025-07-01", "--out", out.toString(), "--paper", "letter", "--name", "Acme Inc");
        assertThat(result.succeeded()).as(result.stderr()).isTrue();
        assertThat(text(out)).contains("Cross-sell summary: Acme Inc", "2025-01-01 to 2025-06-30,",
                "compared with 2024-07-04 to 2024-12-31");
        try (PDDocument document = Loader.loadPDF(out.toFile())) {
            assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.LETTER.getHeight());
        }
    }

    @Test
    void badDataAndBadArgumentsLeaveNoFile() throws IOException {
        Path bad = Files.createDirectory(dir.resolve("bad"));
        WorkedExample.writeTo(bad, Map.of("customers.csv", "customer_id\nc1\n", "products.csv",
                "product_id,product_line,kind\np,p,core\n", "subscription_items.csv",
                "item_id,customer_id,product_id,start_date,unit_amount,currency,interval\ni1,c9,p,2025-01-01,10,USD,month\n"));
        Path out = dir.resolve("bad.pdf");
        CommandRunner.Result result = CommandRunner.run("report-pdf", "--data", bad.toString(), "--from", "2025-01-01",
                "--to", "2025-02-01", "--out", out.toString());
        assertThat(result.failure()).containsInstanceOf(io.xsell.ingestion.csv.ImportValidationException.class);
        assertThat(result.stderr()).contains("subscription_items.csv:2");
        assertThat(out).doesNotExist();

        CommandRunner.Result paper = CommandRunner.run("report-pdf", "--data", data().toString(), "--from", "2025-01-01",
                "--to", "2025-02-01", "--out", out.toString(), "--paper", "a3");
        assertThat(paper.failure()).containsInstanceOf(UsageException.class);
        assertThat(paper.stderr()).contains("--paper");
        assertThat(out).doesNotExist();
    }

    @Test
    void theFoldersEngagementFilesAddTheSectionWithTheFiguresOfReportAnalytics() throws IOException {
        Path data = Files.createDirectory(dir.resolve("engaged"));
        WorkedExample.writeTo(data, WorkedExample.filesWithEngagement());
        Path out = dir.resolve("q2.pdf");
        CommandRunner.Result result = CommandRunner.run("report-pdf", "--data", data.toString(), "--from", "2025-04-01",
                "--to", "2025-07-01", "--out", out.toString());
        assertThat(result.succeeded()).as(result.stderr()).isTrue();
        CommandRunner.Result report = CommandRunner.run("report", "--data", data.toString(), "--from", "2025-04-01",
                "--to", "2025-07-01", "--analytics");
        assertThat(report.succeeded()).as(report.stderr()).isTrue();
        JsonNode analytics = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(report.stdout()).path("analytics");

        String text = text(out);
        assertThat(text).contains("Campaigns and engagement",
                "In-app prompt in app $0.00 $0.00 1 1 $28,000.00 $336,000.00 n/a*", "* n/a: zero cost");
        // the push ran 1 February to 30 June (150 days), 91 of them in Q2; the prompt is free
        java.util.Map<String, java.math.BigDecimal> periodCosts = java.util.Map.of("b-push",
                new java.math.BigDecimal("10000").multiply(java.math.BigDecimal.valueOf(91))
                        .divide(java.math.BigDecimal.valueOf(150), java.math.MathContext.DECIMAL128),
                "prompt", java.math.BigDecimal.ZERO);
        for (String row : EngagementSectionRows.of(analytics.path("campaigns"), analytics.path("journeys"),
                analytics.path("engagement"), periodCosts)) {
            assertThat(text).as(row).contains(row);
        }
    }
}
