package io.xsell.reporting.port;

import io.xsell.reporting.summary.Summary;

/** Lays a summary out as a printable HTML page and the PDF made from it. */
public interface RenderSummaryPort {
    RenderedSummary render(Summary summary);
}
