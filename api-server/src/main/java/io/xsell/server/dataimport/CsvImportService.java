package io.xsell.server.dataimport;

import io.xsell.core.dataimport.ImportOutcome;
import io.xsell.core.dataimport.ImportRecord;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.ImportTenantDataCommand;
import io.xsell.core.port.in.ImportTenantDataUseCase;
import io.xsell.ingestion.csv.CanonicalCsvImporter;
import io.xsell.server.port.in.ImportCsvCommand;
import io.xsell.server.port.in.ImportCsvUseCase;
import io.xsell.server.port.in.ReadImportsQuery;
import io.xsell.server.tenant.TenantRegistry;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * CSV imports: the zip parsed by {@link CanonicalCsvImporter} in the tenant's currency, stored
 * through the domain's import use case as source {@value #SOURCE}, then {@code afterImport}
 * (caches dropped, metrics priced in the background) unless nothing changed.
 */
public class CsvImportService implements ImportCsvUseCase, ReadImportsQuery {
    public static final String SOURCE = "csv";

    private final CanonicalCsvImporter importer;
    private final ImportTenantDataUseCase imports;
    private final ImportHistory history;
    private final TenantRegistry tenants;
    private final Consumer<TenantId> afterImport;

    public CsvImportService(CanonicalCsvImporter importer, ImportTenantDataUseCase imports, ImportHistory history,
                            TenantRegistry tenants, Consumer<TenantId> afterImport) {
        this.importer = importer;
        this.imports = imports;
        this.history = history;
        this.tenants = tenants;
        this.afterImport = afterImport;
    }

    @Override
    public ImportOutcome importCsv(ImportCsvCommand command) {
        TenantDataset dataset = importer.importZip(command.zip(), tenants.reportingCurrency(command.tenant()));
        ImportOutcome outcome = imports.importTenantData(
                new ImportTenantDataCommand(command.tenant(), SOURCE, dataset, command.fingerprint()));
        if (!outcome.unchanged()) {
            afterImport.accept(command.tenant());
        }
        return outcome;
    }

    @Override
    public List<ImportRecord> imports(TenantId tenant, int limit) {
        return history.imports(tenant, limit);
    }

    @Override
    public Optional<ImportRecord> importRecord(TenantId tenant, String importId) {
        return history.find(tenant, importId);
    }
}
