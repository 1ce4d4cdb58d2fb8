package io.xsell.server.port.in;

import io.xsell.core.model.TenantId;
import io.xsell.server.reporting.StoredReport;
import java.util.Optional;

/** Queues a summary whose email failed again, its attempts starting over. */
public interface ResendReportUseCase {
    /**
     * @param queued false when the delivery had not failed (nothing changed)
     * @param report the report as it stands afterwards
     */
    record Resend(boolean queued, StoredReport report) {
    }

    /** Empty when the tenant has no such report. */
    Optional<Resend> resend(TenantId tenant, String id);
}
