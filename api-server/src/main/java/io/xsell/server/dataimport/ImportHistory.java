package io.xsell.server.dataimport;

import io.xsell.core.dataimport.ImportRecord;
import io.xsell.core.model.TenantId;
import java.util.List;
import java.util.Optional;

/** The imports a tenant has made, newest first. */
public interface ImportHistory {
    List<ImportRecord> imports(TenantId tenant, int limit);

    /** The tenant's import with this id; empty for an unknown id or another tenant's. */
    Optional<ImportRecord> find(TenantId tenant, String importId);
}
