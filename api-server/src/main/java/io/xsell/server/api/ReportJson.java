package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.server.reporting.StoredReport;
import java.util.List;

/**
 * A generated summary: its period, where to fetch it, and the delivery of its email (null when it
 * had no recipients). {@code delivery.status} is {@code pending}, {@code sending}, {@code sent} or
 * {@code failed}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportJson(String id, String scheduleId, String cadence, String from, String to, String createdAt,
                         long pdfBytes, String pdfUrl, String htmlUrl, Delivery delivery) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Delivery(String status, List<String> recipients, int attempts, String nextAttemptAt, String sentAt,
                           String lastError) {
    }

    public static ReportJson of(StoredReport r) {
        StoredReport.Delivery d = r.delivery();
        return new ReportJson(r.id(), r.scheduleId(), r.cadence(), r.period().from().toString(),
                r.period().to().toString(), r.createdAt().toString(), r.pdfBytes(), "/v1/reports/" + r.id() + ".pdf",
                "/v1/reports/" + r.id() + ".html",
                d == null ? null : new Delivery(d.state().code(), d.recipients(), d.attempts(),
                        d.state().code().equals("pending") ? d.nextAttemptAt().toString() : null,
                        d.sentAt() == null ? null : d.sentAt().toString(), d.lastError()));
    }
}
