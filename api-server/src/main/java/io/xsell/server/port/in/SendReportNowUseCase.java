package io.xsell.server.port.in;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.server.reporting.StoredReport;
import java.util.Optional;

/** A schedule's summary for a chosen period, generated, stored and queued for its recipients now. */
public interface SendReportNowUseCase {
    /**
     * @param period null for the schedule's last complete period on its recipients' calendar
     * @return the stored report, its email pending in the outbox; empty when the tenant has no such schedule
     */
    Optional<StoredReport> sendNow(TenantId tenant, String scheduleId, Window period);
}
