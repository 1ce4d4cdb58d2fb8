package io.xsell.server.port.in;

import io.xsell.core.model.TenantId;
import io.xsell.server.reporting.StoredReport;
import java.util.List;
import java.util.Optional;

/** A tenant's generated summaries and their documents; another tenant's are never found. */
public interface ReadStoredReportsQuery {
    /** Newest first. */
    List<StoredReport> reports(TenantId tenant, int limit);

    Optional<StoredReport> report(TenantId tenant, String id);

    Optional<byte[]> pdf(TenantId tenant, String id);

    Optional<byte[]> html(TenantId tenant, String id);
}
