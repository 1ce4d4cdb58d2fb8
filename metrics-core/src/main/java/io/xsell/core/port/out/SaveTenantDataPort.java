package io.xsell.core.port.out;

import io.xsell.core.dataimport.ImportRecord;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import java.time.Instant;
import java.util.Optional;

/** Stores tenants' canonical data, one source at a time. */
public interface SaveTenantDataPort {

    /**
     * Atomically replaces everything {@code tenant} has from {@code source} with {@code dataset},
     * raises the tenant's data version and records the import: readers see either the old data
     * or the new, never a mix, and a failure leaves the old data in place.
     */
    ImportRecord replaceTenantData(TenantId tenant, String source, TenantDataset dataset, String fingerprint,
                                   Instant importedAt);

    /** The latest import of {@code tenant} from {@code source}, if any. */
    Optional<ImportRecord> latestImport(TenantId tenant, String source);
}
