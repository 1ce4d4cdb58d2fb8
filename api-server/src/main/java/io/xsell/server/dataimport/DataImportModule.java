package io.xsell.server.dataimport;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.xsell.core.port.in.ImportTenantDataUseCase;
import io.xsell.ingestion.csv.CanonicalCsvImporter;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.cache.ResponseCache;
import io.xsell.server.port.in.ImportCsvUseCase;
import io.xsell.server.port.in.ReadImportsQuery;
import io.xsell.server.tenant.TenantRegistry;
import ru.vyarus.dropwizard.guice.module.support.DropwizardAwareModule;

/** CSV imports: the import and import-history use cases the resources call (swap this module to swap them). */
public class DataImportModule extends DropwizardAwareModule<XsellConfiguration> {

    @Override
    protected void configure() {
        bind(ImportCsvUseCase.class).to(CsvImportService.class);
        bind(ReadImportsQuery.class).to(CsvImportService.class);
    }

    @Provides
    @Singleton
    CsvImportService csvImports(CanonicalCsvImporter importer, ImportTenantDataUseCase imports, ImportHistory history,
                                TenantRegistry tenants, ResponseCache responses, BackgroundPreparation preparation) {
        return new CsvImportService(importer, imports, history, tenants, tenant -> {
            responses.dataChanged(tenant);
            preparation.afterImport(tenant);
        });
    }
}
