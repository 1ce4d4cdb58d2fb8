package io.xsell.server.port.in;

import io.xsell.core.dataimport.ImportRecord;
import io.xsell.core.model.TenantId;
import java.util.List;
import java.util.Optional;

/** A tenant's imports; another tenant's are never found. */
public interface ReadImportsQuery {
    /** Newest first. */
    List<ImportRecord> imports(TenantId tenant, int limit);

    Optional<ImportRecord> importRecord(TenantId tenant, String importId);
}
