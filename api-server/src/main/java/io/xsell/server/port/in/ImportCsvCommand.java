package io.xsell.server.port.in;

import io.xsell.core.model.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Replace a tenant's CSV-sourced data with a zip of canonical CSV files.
 *
 * @param zip         the received zip, already within the upload bounds
 * @param fingerprint digest of the zip as received, so an identical re-import is recognised
 */
public record ImportCsvCommand(TenantId tenant, Path zip, String fingerprint) {
    public ImportCsvCommand {
        Objects.requireNonNull(tenant, "tenant");
        if (zip == null || !Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("zip must be a received file, was " + zip);
        }
        if (fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("fingerprint must not be blank");
        }
    }
}
