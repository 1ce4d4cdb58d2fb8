package io.xsell.server.reporting;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.reporting.delivery.DeliveryState;
import java.time.Instant;
import java.util.List;

/**
 * A generated summary as stored, with its email delivery when it has recipients.
 *
 * @param scheduleId null for a summary generated on request
 * @param cadence    null for a free window
 * @param delivery   null when the summary was not to be emailed
 */
public record StoredReport(String id, TenantId tenant, String scheduleId, String cadence, Window period,
                           Instant createdAt, long pdfBytes, Delivery delivery) {

    /** The outbox entry of the report. */
    public record Delivery(DeliveryState state, List<String> recipients, int attempts, Instant nextAttemptAt,
                           Instant sentAt, String lastError) {
        public Delivery {
            recipients = List.copyOf(recipients);
        }
    }
}
