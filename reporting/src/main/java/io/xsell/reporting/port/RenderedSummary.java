package io.xsell.reporting.port;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A summary as a document: the HTML page (UTF-8) and the PDF rendered from it. */
public record RenderedSummary(String html, byte[] pdf) {
    public RenderedSummary {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(pdf, "pdf");
    }

    public byte[] htmlBytes() {
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
