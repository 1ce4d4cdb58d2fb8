package io.xsell.core.dataimport;

import io.xsell.core.model.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored import of a tenant's data from one source.
 *
 * @param source      where the data came from ({@code csv}, later {@code stripe}); an import replaces
 *                    everything the tenant had from that source
 * @param fingerprint digest of the imported content; equal fingerprints mean identical data
 * @param dataVersion the tenant's data version after this import; every change of data raises it
 */
public record ImportRecord(String id, TenantId tenant, String source, String fingerprint, Instant createdAt,
                           long dataVersion, ImportCounts counts) {
    public ImportRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(counts, "counts");
    }
}
