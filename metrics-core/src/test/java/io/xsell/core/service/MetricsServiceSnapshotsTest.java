package io.xsell.core.service;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.port.out.PreparedTenantCache;
import io.xsell.core.port.out.PreparedTenantSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** How the metrics service uses durable copies of prepared tenants. */
class MetricsServiceSnapshotsTest {
    private static final TenantId TENANT = new TenantId("t1");
    private static final Window WINDOW = Window.of("2025-01-01", "2026-01-01");
    private static final TenantDataset DATA = dataset().holds("a", "A", "100", "2024-01-01")
            .holds("a", "B", "5", "2025-03-01").build();

    /** Hands back a given ledger for {@link #DATA} and records what it is offered. */
    private static final class Keeper implements PreparedTenantSnapshots {
        final Restored restored;
        final List<MrrLedger> offered = new ArrayList<>();

        Keeper(Restored restored) {
            this.restored = restored;
        }

        @Override
        public Optional<Restored> restoredLedger(TenantId tenant, TenantDataset dataset) {
            return dataset == DATA ? Optional.ofNullable(restored) : Optional.empty();
        }

        @Override
        public void prepared(TenantId tenant, TenantDataset dataset, MrrLedger ledger) {
            offered.add(ledger);
        }
    }

    /** Records the weights the cache is given. */
    private static final class Weights implements PreparedTenantCache<MetricsService.Priced> {
        final List<Long> kept = new ArrayList<>();

        @Override
        public Optional<MetricsService.Priced> find(TenantId tenant) {
            return Optional.empty();
        }

        @Override
        public void keep(TenantId tenant, MetricsService.Priced prepared, LongSupplier retainedBytes) {
            kept.add(retainedBytes.getAsLong());
        }
    }

    @Test
    void aRestoredLedgerIsUsedAsIsWeighedAsSavedAndNotOfferedBack() {
        MrrLedger saved = MrrLedger.of(DATA);
        Keeper keeper = new Keeper(new PreparedTenantSnapshots.Restored(saved, 4242));
        Weights cache = new Weights();
        MetricsService service = new MetricsService(t -> DATA, cache, 1, keeper);

        assertThat(service.ledger(TENANT)).isSameAs(saved);
        assertThat(cache.kept).containsExactly(4242L);
        assertThat(keeper.offered).isEmpty();
    }

    @Test
    void aTenantWithoutSnapshotIsPricedAndOfferedForOne() {
        Keeper keeper = new Keeper(null);
        Weights cache = new Weights();
        MetricsService service = new MetricsService(t -> DATA, cache, 1, keeper);

        MrrLedger priced = service.ledger(TENANT);

        assertThat(keeper.offered).containsExactly(priced);
        assertThat(cache.kept).containsExactly(DATA.retainedBytes() + priced.retainedBytes());
        assertThat(service.crossSellReport(new CrossSellReportQuery(TENANT, WINDOW, null)).metrics().crossSellMrr())
                .isEqualByComparingTo("5");
    }

    @Test
    void theNoneKeeperNeverRestores() {
        assertThat(PreparedTenantSnapshots.none().restoredLedger(TENANT, DATA)).isEmpty();
    }
}
