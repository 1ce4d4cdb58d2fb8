package io.xsell.reporting.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import io.xsell.reporting.port.RenderSummaryPort;
import io.xsell.reporting.port.RenderedSummary;
import io.xsell.reporting.summary.Summary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.logging.Level;

/** Renders the summary's page with openhtmltopdf (PDFBox) into a PDF laid out by its print CSS. */
public final class OpenHtmlToPdfRenderer implements RenderSummaryPort {
    static {
        // Each render loads the bundled fonts and openhtmltopdf announces that at INFO: noise on
        // report-pdf's stderr and in the server's log. Its warnings stay.
        XRLog.setLevel(XRLog.LOAD, Level.WARNING);
    }

    private final SummaryHtml html;

    public OpenHtmlToPdfRenderer(SummaryHtml html) {
        this.html = Objects.requireNonNull(html);
    }

    @Override
    public RenderedSummary render(Summary summary) {
        String page = html.page(summary);
        return new RenderedSummary(page, pdf(page));
    }

    static byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        ReportFonts.register(builder);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the summary as PDF", e);
        }
        return out.toByteArray();
    }
}
