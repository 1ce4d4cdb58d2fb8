package io.xsell.core.port.in;

import io.xsell.core.dataimport.ImportOutcome;

/** Stores a validated dataset as the tenant's data from one source, all or nothing. */
public interface ImportTenantDataUseCase {
    ImportOutcome importTenantData(ImportTenantDataCommand command);
}
