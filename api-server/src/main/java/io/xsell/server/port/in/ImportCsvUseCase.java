package io.xsell.server.port.in;

import io.xsell.core.dataimport.ImportOutcome;

/** Imports a canonical CSV zip as the tenant's CSV-sourced data, all or nothing. */
public interface ImportCsvUseCase {
    /**
     * @return the new import, or the latest one unchanged when the files are identical to it
     * Bad files or data store nothing: the CSV adapter's validation error names every problem by
     * file, line and field (the API answers it as a 422).
     */
    ImportOutcome importCsv(ImportCsvCommand command);
}
