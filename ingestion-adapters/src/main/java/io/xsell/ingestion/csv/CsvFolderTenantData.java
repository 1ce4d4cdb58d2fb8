package io.xsell.ingestion.csv;

import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.out.LoadTenantDataPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Serves one canonical CSV import (a folder or a {@code .zip}) as a tenant's data. The source is read
 * on every call, so edits to the files show up on the next load.
 */
public final class CsvFolderTenantData implements LoadTenantDataPort {
    private final CanonicalCsvImporter importer = new CanonicalCsvImporter();
    private final Path source;
    private final String reportingCurrency;

    /** Infers the reporting currency from the subscription items. */
    public CsvFolderTenantData(Path source) {
        this(source, null);
    }

    /**
     * @param reportingCurrency ISO 4217 code, or null to infer it from the subscription items
     * @throws IllegalArgumentException when the code is not ISO 4217
     */
    public CsvFolderTenantData(Path source, String reportingCurrency) {
        this.source = Objects.requireNonNull(source, "source");
        this.reportingCurrency = ImportSession.normalizeCurrency(reportingCurrency);
    }

    /** The tenant id is not consulted: a folder holds exactly one tenant's data. */
    @Override
    public TenantDataset loadTenantData(TenantId tenant) {
        if (Files.isDirectory(source)) {
            return importer.importFolder(source, reportingCurrency);
        }
        return importer.importZip(source, reportingCurrency);
    }
}
