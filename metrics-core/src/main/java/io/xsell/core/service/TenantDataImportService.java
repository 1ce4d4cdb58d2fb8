package io.xsell.core.service;

import io.xsell.core.dataimport.ImportOutcome;
import io.xsell.core.dataimport.ImportRecord;
import io.xsell.core.port.in.ImportTenantDataCommand;
import io.xsell.core.port.in.ImportTenantDataUseCase;
import io.xsell.core.port.out.SaveTenantDataPort;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Imports a dataset unless it is identical to the source's latest import. */
public final class TenantDataImportService implements ImportTenantDataUseCase {
    private final SaveTenantDataPort store;
    private final Clock clock;

    public TenantDataImportService(SaveTenantDataPort store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public ImportOutcome importTenantData(ImportTenantDataCommand command) {
        Optional<ImportRecord> latest = store.latestImport(command.tenant(), command.source());
        if (latest.isPresent() && latest.get().fingerprint().equals(command.fingerprint())) {
            return new ImportOutcome(latest.get(), true);
        }
        return new ImportOutcome(store.replaceTenantData(command.tenant(), command.source(), command.dataset(),
                command.fingerprint(), clock.instant()), false);
    }
}
