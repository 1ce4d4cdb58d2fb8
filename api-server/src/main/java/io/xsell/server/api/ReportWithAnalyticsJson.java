package io.xsell.server.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** What {@code report --analytics} prints: the cross-sell report's own fields, then {@code analytics}. */
public record ReportWithAnalyticsJson(@JsonUnwrapped CrossSellReportJson report, AnalyticsReportJson analytics) {
}
