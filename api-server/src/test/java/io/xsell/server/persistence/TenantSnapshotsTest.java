package io.xsell.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.Granularity;
import io.xsell.core.metrics.MovementSeriesCalculator;
import io.xsell.core.metrics.PenetrationCalculator;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.port.out.PreparedTenantCache;
import io.xsell.core.port.out.PreparedTenantSnapshots;
import io.xsell.core.service.MetricsService;
import io.xsell.server.persistence.snapshot.JdbiTenantSnapshots;
import io.xsell.server.persistence.snapshot.PreparedTenantCodec;
import io.xsell.server.persistence.snapshot.SnapshotWarmUp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server's life around a snapshot, on each database: saved after pricing, restored by the next
 * process instead of reading rows and pricing, and ignored (then rebuilt) when it is stale or damaged.
 * A "process" here is a new store, snapshot keeper and metrics service over the same database.
 */
class TenantSnapshotsTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private static final Window WINDOW = Window.of("2025-11-01", "2026-11-01");
    private static final TenantDataset EVERY_FEATURE = TestDatasets.withEveryField(21, 2500);

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRestartedProcessAnswersFromTheSnapshotExactlyAsFromTheRows(TestDatabase database) throws Exception {
        TenantId tenant = JdbiTenantDataStoreTest.createTenant(database, "USD");
        Process first = new Process(database.jdbi());
        first.store.replaceTenantData(tenant, "csv", EVERY_FEATURE, "sha256:a", T0);
        Prepared priced = first.prepare(tenant);
        first.snapshots.stop(); // a clean stop writes what is waiting
        assertThat(snapshotVersions(database.jdbi(), tenant)).containsExactly(1L);

        Process second = new Process(database.jdbi());
        Prepared restored = second.prepare(tenant);

        assertThat(second.restoredLedgers.get()).as("ledger restored, not priced").isEqualTo(1);
        assertThat(second.weight.get()).as("weighed as when saved")
                .isEqualTo(priced.dataset().retainedBytes() + priced.ledger().retainedBytes());
        JdbiTenantDataStoreTest.assertSameData(restored.dataset(), EVERY_FEATURE);
        PreparedTenantCodecTest.assertSameLedger(restored.ledger(), priced.ledger());
        assertSameAnswers(restored.ledger(), MrrLedger.of(EVERY_FEATURE));
        assertThat(second.store.loadTenantData(tenant)).as("the store keeps handing out the restored instance")
                .isSameAs(restored.dataset());
        second.snapshots.stop();
        assertThat(snapshotVersions(database.jdbi(), tenant)).containsExactly(1L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSnapshotOfAnEarlierVersionIsIgnoredAndReplaced(TestDatabase database) throws Exception {
        TenantId tenant = JdbiTenantDataStoreTest.createTenant(database, "USD");
        Process first = new Process(database.jdbi());
        first.store.replaceTenantData(tenant, "csv", TestDatasets.generated(1, 400), "sha256:a", T0);
        first.prepare(tenant);
        first.snapshots.stop();
        TenantDataset newer = TestDatasets.generated(2, 500);
        new JdbiTenantDataStore(database.jdbi()).replaceTenantData(tenant, "csv", newer, "sha256:b", T0);

        Process second = new Process(database.jdbi());
        Prepared priced = second.prepare(tenant);

        assertThat(second.restoredLedgers.get()).isZero();
        JdbiTenantDataStoreTest.assertSameData(priced.dataset(), newer);
        second.snapshots.stop();
        assertThat(snapshotVersions(database.jdbi(), tenant)).containsExactly(2L);
        Process third = new Process(database.jdbi());
        JdbiTenantDataStoreTest.assertSameData(third.prepare(tenant).dataset(), newer);
        assertThat(third.restoredLedgers.get()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDamagedSnapshotIsIgnoredAndRebuilt(TestDatabase database) throws Exception {
        TenantId tenant = JdbiTenantDataStoreTest.createTenant(database, "USD");
        TenantDataset dataset = TestDatasets.generated(3, 400);
        Process first = new Process(database.jdbi());
        first.store.replaceTenantData(tenant, "csv", dataset, "sha256:a", T0);
        first.prepare(tenant);
        first.snapshots.stop();
        byte[] body = body(database.jdbi(), tenant);

        byte[] flipped = body.clone();
        flipped[body.length / 2] ^= 0x01; // caught by the stored checksum
        setBody(database.jdbi(), tenant, flipped, null);
        assertPricedFromRowsThenRebuilt(database, tenant, dataset);

        byte[] foreign = body(database.jdbi(), tenant).clone();
        foreign[foreign.length / 2] ^= 0x01;
        setBody(database.jdbi(), tenant, foreign, checksum(foreign)); // checksum agrees: the decoder refuses it
        assertPricedFromRowsThenRebuilt(database, tenant, dataset);

        Process last = new Process(database.jdbi());
        JdbiTenantDataStoreTest.assertSameData(last.prepare(tenant).dataset(), dataset);
        assertThat(last.restoredLedgers.get()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStartingServerRestoresTheLatestCurrentSnapshotsThatFitItsBudget(TestDatabase database) throws Exception {
        TenantId older = JdbiTenantDataStoreTest.createTenant(database, "USD");
        TenantId newer = JdbiTenantDataStoreTest.createTenant(database, "USD");
        TenantId stale = JdbiTenantDataStoreTest.createTenant(database, "USD");
        Process first = new Process(database.jdbi());
        for (TenantId tenant : List.of(stale, older, newer)) { // written in this order
            first.store.replaceTenantData(tenant, "csv", TestDatasets.generated(4, 300), "sha256:a", T0);
            first.prepare(tenant);
            first.snapshots.flush();
        }
        first.snapshots.stop();
        // the stale tenant's data changes: its snapshot is of an earlier version, never restored
        new JdbiTenantDataStore(database.jdbi()).replaceTenantData(stale, "csv", TestDatasets.generated(5, 300),
                "sha256:b", T0);
        long weight = PreparedTenantCodec.weight(body(database.jdbi(), newer));
        assertThat(weight).isPositive();

        Process both = new Process(database.jdbi());
        assertThat(restoredAtStart(both, 2 * weight)).containsExactly(newer, older);
        assertThat(both.restoredLedgers.get()).as("restored, not priced").isEqualTo(2);
        both.prepare(newer);
        both.prepare(older);
        assertThat(both.restoredLedgers.get()).as("queries find them prepared").isEqualTo(2);

        Process one = new Process(database.jdbi());
        assertThat(restoredAtStart(one, 2 * weight - 1)).as("what does not fit waits for its first query")
                .containsExactly(newer);
        assertThat(restoredAtStart(one, 0)).isEmpty();
    }

    /** What a warm-up of {@code budget} bytes restores on its thread, the server already serving (nothing compiled). */
    private static List<TenantId> restoredAtStart(Process process, long budget) throws InterruptedException {
        SnapshotWarmUp warmUp = new SnapshotWarmUp(process.snapshots, process.metrics, budget, Clock.systemUTC());
        warmUp.serving();
        warmUp.start();
        return warmUp.awaitStarted(1, TimeUnit.MINUTES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aWarmUpStartedTwiceRestoresOnceOnItsOwnThreadAndADamagedSnapshotFallsBackToTheRows(TestDatabase database)
            throws Exception {
        TenantId tenant = JdbiTenantDataStoreTest.createTenant(database, "USD");
        Process first = new Process(database.jdbi());
        first.store.replaceTenantData(tenant, "csv", EVERY_FEATURE, "sha256:a", T0);
        Prepared priced = first.prepare(tenant);
        first.snapshots.stop();
        // the budget of this tenant alone: the most recently written, so restored first, and no other tenant fits
        long weight = PreparedTenantCodec.weight(body(database.jdbi(), tenant));

        Process second = new Process(database.jdbi());
        SnapshotWarmUp warmUp = new SnapshotWarmUp(second.snapshots, second.metrics, weight, Clock.systemUTC());
        assertThat(warmUp.awaitStarted(1, TimeUnit.SECONDS)).as("not started yet").isEmpty();
        warmUp.start(); // as the application does, before Jetty
        warmUp.start(); // as the lifecycle does, with Jetty: nothing more
        assertThat(warmUp.awaitStarted(2, TimeUnit.MINUTES)).containsExactly(tenant);
        assertThat(second.restoredLedgers.get()).as("restored once, not priced").isEqualTo(1);
        Prepared restored = second.prepare(tenant);
        assertThat(second.restoredLedgers.get()).as("the query finds it prepared").isEqualTo(1);
        assertSameAnswers(restored.ledger(), priced.ledger());
        assertSameAnswers(restored.ledger(), MrrLedger.of(EVERY_FEATURE));
        warmUp.stop();

        byte[] flipped = body(database.jdbi(), tenant).clone();
        flipped[flipped.length / 2] ^= 0x01;
        setBody(database.jdbi(), tenant, flipped, checksum(flipped)); // the checksum agrees: the decoder refuses it
        Process third = new Process(database.jdbi());
        SnapshotWarmUp again = new SnapshotWarmUp(third.snapshots, third.metrics, weight, Clock.systemUTC());
        again.serving(); // the server already takes requests: nothing compiled ahead
        again.start();
        assertThat(again.awaitStarted(2, TimeUnit.MINUTES)).as("prepared from the rows instead").containsExactly(tenant);
        assertThat(third.restoredLedgers.get()).isZero();
        assertSameAnswers(third.prepare(tenant).ledger(), MrrLedger.of(EVERY_FEATURE));
        third.snapshots.stop();
        assertThat(snapshotVersions(database.jdbi(), tenant)).as("the damaged one deleted, then rewritten")
                .containsExactly(1L);
        assertThat(body(database.jdbi(), tenant)).isNotEqualTo(flipped);
    }

    private static void assertPricedFromRowsThenRebuilt(TestDatabase database, TenantId tenant, TenantDataset dataset)
            throws InterruptedException {
        Process process = new Process(database.jdbi());
        Prepared priced = process.prepare(tenant);
        assertThat(process.restoredLedgers.get()).isZero();
        JdbiTenantDataStoreTest.assertSameData(priced.dataset(), dataset);
        process.snapshots.stop();
        assertThat(snapshotVersions(database.jdbi(), tenant)).containsExactly(1L);
    }

    private static void assertSameAnswers(MrrLedger actual, MrrLedger expected) {
        assertThat(CrossSellCalculator.report(actual, WINDOW, "segment"))
                .isEqualTo(CrossSellCalculator.report(expected, WINDOW, "segment"));
        assertThat(CrossSellCalculator.report(actual, WINDOW, null))
                .isEqualTo(CrossSellCalculator.report(expected, WINDOW, null));
        assertThat(MovementSeriesCalculator.series(actual, WINDOW, Granularity.MONTH))
                .isEqualTo(MovementSeriesCalculator.series(expected, WINDOW, Granularity.MONTH));
        assertThat(PenetrationCalculator.on(actual, LocalDate.of(2026, 6, 30)))
                .isEqualTo(PenetrationCalculator.on(expected, LocalDate.of(2026, 6, 30)));
    }

    private static List<Long> snapshotVersions(Jdbi jdbi, TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT data_version FROM tenant_snapshots WHERE tenant_id = ?")
                .bind(0, tenant.value()).mapTo(Long.class).list());
    }

    private static byte[] body(Jdbi jdbi, TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT body FROM tenant_snapshots WHERE tenant_id = ?")
                .bind(0, tenant.value()).mapTo(byte[].class).one());
    }

    private static void setBody(Jdbi jdbi, TenantId tenant, byte[] body, Long checksum) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE tenant_snapshots SET body = ?"
                        + (checksum == null ? "" : ", checksum = " + checksum) + " WHERE tenant_id = ?")
                .bind(0, body).bind(1, tenant.value()).execute());
    }

    private static long checksum(byte[] body) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(body);
        return crc.getValue();
    }

    /** What one server process holds: its own store, snapshot keeper and metrics service. */
    private static final class Process {
        final JdbiTenantSnapshots snapshots;
        final JdbiTenantDataStore store;
        final MetricsService metrics;
        final AtomicInteger restoredLedgers = new AtomicInteger();
        final AtomicReference<MrrLedger> ledger = new AtomicReference<>();
        final java.util.concurrent.atomic.AtomicLong weight = new java.util.concurrent.atomic.AtomicLong();

        Process(Jdbi jdbi) {
            snapshots = new JdbiTenantSnapshots(jdbi, Duration.ofMinutes(10), Clock.systemUTC());
            store = new JdbiTenantDataStore(jdbi, snapshots);
            PreparedTenantSnapshots counting = new PreparedTenantSnapshots() {
                @Override
                public Optional<Restored> restoredLedger(TenantId tenant, TenantDataset dataset) {
                    Optional<Restored> restored = snapshots.restoredLedger(tenant, dataset);
                    restored.ifPresent(r -> {
                        restoredLedgers.incrementAndGet();
                        ledger.set(r.ledger());
                        weight.set(r.retainedBytes());
                    });
                    return restored;
                }

                @Override
                public void prepared(TenantId tenant, TenantDataset dataset, MrrLedger priced) {
                    ledger.set(priced);
                    snapshots.prepared(tenant, dataset, priced);
                }
            };
            metrics = new MetricsService(store, PreparedTenantCache.unbounded(), 1, counting);
        }

        /** Prepares the tenant as a query would; the ledger is the one restored or priced. */
        Prepared prepare(TenantId tenant) {
            metrics.prepareMetrics(tenant);
            return new Prepared(store.loadTenantData(tenant), ledger.get());
        }
    }

    private record Prepared(TenantDataset dataset, MrrLedger ledger) {
    }
}
