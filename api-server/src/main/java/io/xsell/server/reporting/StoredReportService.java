package io.xsell.server.reporting;

import io.xsell.core.model.TenantId;
import io.xsell.server.port.in.ReadStoredReportsQuery;
import io.xsell.server.port.in.ResendReportUseCase;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The stored-report use cases over the report store (which is also the email outbox). */
public class StoredReportService implements ReadStoredReportsQuery, ResendReportUseCase {
    private final JdbiReportStore reports;
    private final Clock clock;

    public StoredReportService(JdbiReportStore reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public List<StoredReport> reports(TenantId tenant, int limit) {
        return reports.list(tenant, limit);
    }

    @Override
    public Optional<StoredReport> report(TenantId tenant, String id) {
        return reports.find(tenant, id);
    }

    @Override
    public Optional<byte[]> pdf(TenantId tenant, String id) {
        return reports.pdf(tenant, id);
    }

    @Override
    public Optional<byte[]> html(TenantId tenant, String id) {
        return reports.html(tenant, id);
    }

    @Override
    public Optional<Resend> resend(TenantId tenant, String id) {
        return reports.find(tenant, id).map(report -> reports.resend(tenant, id, clock.instant())
                ? new Resend(true, reports.find(tenant, id).orElseThrow())
                : new Resend(false, report));
    }
}
