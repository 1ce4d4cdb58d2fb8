package io.xsell.core.port.in;

import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import java.util.Objects;

/**
 * Replace everything a tenant has from {@code source} with {@code dataset}.
 *
 * @param fingerprint digest of the content as received, so identical re-imports are recognised
 */
public record ImportTenantDataCommand(TenantId tenant, String source, TenantDataset dataset, String fingerprint) {
    public ImportTenantDataCommand {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(dataset, "dataset");
        if (source == null || !source.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("source must be a short lower-case name, was '" + source + "'");
        }
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("fingerprint must not be blank");
        }
    }
}
