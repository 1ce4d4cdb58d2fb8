package io.xsell.server.persistence.snapshot;

import io.dropwizard.lifecycle.Managed;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.port.out.PreparedTenantSnapshots;
import io.xsell.server.persistence.Timestamps;
import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepared tenants saved in the {@code tenant_snapshots} table, one per tenant and data version,
 * so that a restarted server answers a large tenant without reading its rows and pricing them.
 *
 * <p>A snapshot is written on a background thread a little after the tenant was priced (after an
 * import or a cold load), never on a request's thread, and only while the data version it was made
 * from is still the tenant's. What is still waiting is written at once when the server stops
 * cleanly. A snapshot is only ever a copy: one of another version or format, or whose checksum or
 * contents do not hold up, is ignored (and replaced by the next write), and the rows are read.
 */
public final class JdbiTenantSnapshots implements PreparedTenantSnapshots, Managed {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiTenantSnapshots.class);
    private static final Duration FLUSH_LIMIT = Duration.ofMinutes(2);
    /**
     * On PostgreSQL, the body comes in binary: by default pgjdbc's first execution of a statement
     * asks for text, so a {@code BYTEA} arrives hex-encoded (twice its size) and is decoded in Java
     * byte by byte (about a second for a 48 MB snapshot, in a fresh JVM). SQLite has no such setting.
     */
    static final StatementCustomizer BINARY_BODY = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext ctx) throws SQLException {
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1); // -1: binary from the first execution
            }
        }
    };

    private final Jdbi jdbi;
    private final Duration delay;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor writer;
    /** Per tenant: the dataset the data store last handed out, with its version. */
    private final ConcurrentMap<TenantId, Known> known = new ConcurrentHashMap<>();
    private final ConcurrentMap<TenantId, Pending> pending = new ConcurrentHashMap<>();

    public JdbiTenantSnapshots(Jdbi jdbi, Duration delay, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.delay = Objects.requireNonNull(delay, "delay");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "tenant-snapshots");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY); // requests come first on a small machine
            return thread;
        });
        writer.setRemoveOnCancelPolicy(true);
    }

    /**
     * The tenant's dataset of {@code dataVersion} from its snapshot, with the ledger kept for
     * {@link #restoredLedger}; empty when there is none for that version or it does not hold up.
     */
    public Optional<TenantDataset> restore(TenantId tenant, long dataVersion, String reportingCurrency) {
        Optional<Stored> stored;
        try {
            stored = jdbi.withHandle(h -> h.createQuery("SELECT format, checksum, body FROM tenant_snapshots "
                            + "WHERE tenant_id = ? AND data_version = ?")
                    .addCustomizer(BINARY_BODY)
                    .bind(0, tenant.value())
                    .bind(1, dataVersion)
                    .map((rs, ctx) -> new Stored(rs.getInt(1), rs.getLong(2), rs.getBytes(3)))
                    .findOne());
        } catch (RuntimeException e) {
            LOG.warn("Could not read the snapshot of tenant {}; loading its rows", tenant, e);
            return Optional.empty();
        }
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            Stored s = stored.get();
            if (!PreparedTenantCodec.reads(s.format())) {
                throw new CorruptSnapshotException("format " + s.format() + ", this server reads "
                        + PreparedTenantCodec.ROWS_FORMAT + " and " + PreparedTenantCodec.FORMAT);
            }
            if (checksum(s.body()) != s.checksum()) {
                throw new CorruptSnapshotException("checksum mismatch");
            }
            PreparedTenantCodec.Restored restored =
                    PreparedTenantCodec.decode(s.body(), tenant, dataVersion, reportingCurrency);
            known.put(tenant, new Known(dataVersion, new WeakReference<>(restored.dataset()),
                    new SoftReference<>(new Restored(restored.ledger(), restored.retainedBytes()))));
            return Optional.of(restored.dataset());
        } catch (CorruptSnapshotException e) {
            LOG.warn("Ignoring the snapshot of tenant {} version {}: {}; loading its rows and writing a new one",
                    tenant, dataVersion, e.getMessage());
            discard(tenant, dataVersion);
            return Optional.empty();
        }
    }

    /**
     * Tenants whose snapshot of their current data version this server can read, the most recently
     * written first, as many as fit in {@code budgetBytes} by the weight saved with each (read from
     * the snapshot's head, not decoded). What a server starting up restores before it is asked.
     */
    public List<TenantId> restorable(long budgetBytes) {
        List<Head> heads = jdbi.withHandle(h -> h.createQuery("SELECT s.tenant_id, substr(s.body, 1, "
                        + PreparedTenantCodec.HEAD + ") FROM tenant_snapshots s JOIN tenants t "
                        + "ON t.id = s.tenant_id AND t.data_version = s.data_version WHERE s.format IN (?, ?) "
                        + "ORDER BY s.created_at DESC, s.tenant_id")
                .bind(0, PreparedTenantCodec.FORMAT)
                .bind(1, PreparedTenantCodec.ROWS_FORMAT)
                .map((rs, ctx) -> new Head(rs.getString(1), rs.getBytes(2)))
                .list());
        List<TenantId> tenants = new ArrayList<>();
        long left = budgetBytes;
        for (Head head : heads) {
            long weight = PreparedTenantCodec.weight(head.bytes());
            if (weight >= 0 && weight <= left) {
                tenants.add(new TenantId(head.tenant()));
                left -= weight;
            }
        }
        return tenants;
    }

    private record Head(String tenant, byte[] bytes) {
    }

    /** Removes a snapshot that cannot be used, so that the next write replaces it. */
    private void discard(TenantId tenant, long dataVersion) {
        try {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM tenant_snapshots WHERE tenant_id = ? AND data_version = ?")
                    .bind(0, tenant.value()).bind(1, dataVersion).execute());
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the unusable snapshot of tenant {}", tenant, e);
        }
    }

    /** The data store handed out {@code dataset} (read from rows or just imported) as {@code dataVersion}. */
    public void loaded(TenantId tenant, long dataVersion, TenantDataset dataset) {
        known.put(tenant, new Known(dataVersion, new WeakReference<>(dataset), null));
    }

    @Override
    public Optional<Restored> restoredLedger(TenantId tenant, TenantDataset dataset) {
        Known k = known.get(tenant);
        if (k == null || k.restoredLedger() == null || k.dataset().get() != dataset) {
            return Optional.empty();
        }
        Restored ledger = k.restoredLedger().get();
        // handed over once: from now on the prepared-tenant cache decides how long it lives
        known.replace(tenant, k, new Known(k.dataVersion(), k.dataset(), null));
        return Optional.ofNullable(ledger);
    }

    @Override
    public synchronized void prepared(TenantId tenant, TenantDataset dataset, MrrLedger ledger) {
        Known k = known.get(tenant);
        if (k == null || k.dataset().get() != dataset) {
            return; // not what the store holds for the current version (a command line, a superseded load)
        }
        // held softly while waiting: a tenant the cache drops under memory pressure is simply not saved
        Pending next = new Pending(tenant, k.dataVersion(), new SoftReference<>(dataset), new SoftReference<>(ledger));
        next.future = writer.schedule(() -> write(next), delay.toMillis(), TimeUnit.MILLISECONDS);
        Pending previous = pending.put(tenant, next);
        if (previous != null) {
            previous.future.cancel(false);
        }
    }

    @Override
    public void start() {
        // the writer thread starts with the first snapshot
    }

    /** Writes what is waiting now, instead of after its delay, and waits for it. */
    @Override
    public void stop() throws InterruptedException {
        if (writer.isShutdown()) {
            return;
        }
        flush();
        writer.shutdown();
        if (!writer.awaitTermination(FLUSH_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            LOG.warn("Tenant snapshots still being written after {}; the next start reads rows instead", FLUSH_LIMIT);
            writer.shutdownNow();
        }
    }

    /** Starts every waiting write at once; returns when they are done. */
    public void flush() throws InterruptedException {
        List<ScheduledFuture<?>> started = new ArrayList<>();
        List<Pending> waiting;
        synchronized (this) {
            waiting = new ArrayList<>(pending.values());
        }
        for (Pending p : waiting) {
            if (p.future.cancel(false)) {
                started.add(writer.schedule(() -> write(p), 0, TimeUnit.MILLISECONDS));
            } else {
                started.add(p.future);
            }
        }
        for (ScheduledFuture<?> future : started) {
            try {
                future.get(FLUSH_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                // write() logs its own failures
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.warn("A tenant snapshot is still being written after {}", FLUSH_LIMIT);
            }
        }
    }

    private void write(Pending p) {
        pending.remove(p.tenant, p);
        TenantDataset dataset = p.dataset.get();
        MrrLedger ledger = p.ledger.get();
        if (dataset == null || ledger == null) {
            return;
        }
        try {
            if (!isCurrent(p.tenant, p.dataVersion) || jdbi.withHandle(h -> savedAtOrAfter(h, p))) {
                return;
            }
            long started = System.nanoTime();
            // both weights were computed (and are remembered) when the metrics service kept the tenant
            byte[] body = PreparedTenantCodec.encode(p.tenant, p.dataVersion, dataset, ledger,
                    dataset.retainedBytes() + ledger.retainedBytes());
            jdbi.useTransaction(h -> {
                // ours or a newer version may have been written while we encoded: never replace it
                if (savedAtOrAfter(h, p)) {
                    return;
                }
                h.createUpdate("DELETE FROM tenant_snapshots WHERE tenant_id = ?").bind(0, p.tenant.value()).execute();
                insert(h, p, body);
            });
            LOG.info("Saved a snapshot of tenant {} version {}: {} customers, {} bytes in {} ms", p.tenant,
                    p.dataVersion, dataset.customers().size(), body.length,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            // a copy only: the next start reads the rows
            LOG.warn("Could not save a snapshot of tenant {} version {}", p.tenant, p.dataVersion, e);
        }
    }

    private void insert(Handle h, Pending p, byte[] body) {
        h.createUpdate("INSERT INTO tenant_snapshots (tenant_id, data_version, format, checksum, body, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .bind(0, p.tenant.value())
                .bind(1, p.dataVersion)
                .bind(2, PreparedTenantCodec.FORMAT)
                .bind(3, checksum(body))
                .bind(4, body)
                .bind(5, Timestamps.format(clock.instant()))
                .execute();
    }

    private boolean isCurrent(TenantId tenant, long dataVersion) {
        return jdbi.withHandle(h -> h.createQuery("SELECT data_version FROM tenants WHERE id = ?")
                        .bind(0, tenant.value()).mapTo(Long.class).findOne())
                .filter(v -> v == dataVersion).isPresent();
    }

    /** Whether a snapshot of this version or a newer one is saved: then {@code p} is not worth writing. */
    private static boolean savedAtOrAfter(Handle h, Pending p) {
        Long newest = h.createQuery("SELECT MAX(data_version) FROM tenant_snapshots WHERE tenant_id = ?")
                .bind(0, p.tenant.value()).mapTo(Long.class).one();
        return newest != null && newest >= p.dataVersion;
    }

    static long checksum(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return crc.getValue();
    }

    private record Known(long dataVersion, WeakReference<TenantDataset> dataset, Reference<Restored> restoredLedger) {
    }

    private record Stored(int format, long checksum, byte[] body) {
    }

    private static final class Pending {
        final TenantId tenant;
        final long dataVersion;
        final Reference<TenantDataset> dataset;
        final Reference<MrrLedger> ledger;
        volatile ScheduledFuture<?> future;

        Pending(TenantId tenant, long dataVersion, Reference<TenantDataset> dataset, Reference<MrrLedger> ledger) {
            this.tenant = tenant;
            this.dataVersion = dataVersion;
            this.dataset = dataset;
            this.ledger = ledger;
        }
    }
}
