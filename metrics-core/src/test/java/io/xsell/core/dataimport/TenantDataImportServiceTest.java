package io.xsell.core.dataimport;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.ImportTenantDataCommand;
import io.xsell.core.port.out.SaveTenantDataPort;
import io.xsell.core.service.TenantDataImportService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantDataImportServiceTest {
    private static final TenantId TENANT = new TenantId("t1");
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    /** Keeps imports in memory, in order. */
    private static final class RecordingStore implements SaveTenantDataPort {
        final List<ImportRecord> imports = new ArrayList<>();

        @Override
        public ImportRecord replaceTenantData(TenantId tenant, String source, TenantDataset data, String fingerprint,
                                              Instant importedAt) {
            ImportRecord record = new ImportRecord("imp" + imports.size(), tenant, source, fingerprint, importedAt,
                    imports.size() + 1, ImportCounts.of(data));
            imports.add(record);
            return record;
        }

        @Override
        public Optional<ImportRecord> latestImport(TenantId tenant, String source) {
            return imports.stream().filter(r -> r.tenant().equals(tenant) && r.source().equals(source))
                    .reduce((a, b) -> b);
        }
    }

    private final RecordingStore store = new RecordingStore();
    private final TenantDataImportService service = new TenantDataImportService(store, Clock.fixed(NOW, ZoneOffset.UTC));
    private final TenantDataset data = dataset().holds("a", "A", "10", "2025-01-01").fx("2025-01-01", "EUR", "1.1").build();

    @Test
    void storesANewImportStampedByTheClock() {
        ImportOutcome outcome = service.importTenantData(new ImportTenantDataCommand(TENANT, "csv", data, "f1"));

        assertThat(outcome.unchanged()).isFalse();
        assertThat(outcome.record().createdAt()).isEqualTo(NOW);
        assertThat(outcome.record().counts()).isEqualTo(new ImportCounts(1, 1, 1, 0, 1));
    }

    @Test
    void anIdenticalReImportIsANoOp() {
        ImportRecord first = service.importTenantData(new ImportTenantDataCommand(TENANT, "csv", data, "f1")).record();

        ImportOutcome again = service.importTenantData(new ImportTenantDataCommand(TENANT, "csv", data, "f1"));

        assertThat(again.unchanged()).isTrue();
        assertThat(again.record()).isEqualTo(first);
        assertThat(store.imports).hasSize(1);
    }

    @Test
    void changedContentIsStoredAgain() {
        service.importTenantData(new ImportTenantDataCommand(TENANT, "csv", data, "f1"));
        ImportOutcome changed = service.importTenantData(new ImportTenantDataCommand(TENANT, "csv", data, "f2"));

        assertThat(changed.unchanged()).isFalse();
        assertThat(store.imports).hasSize(2);
    }
}
