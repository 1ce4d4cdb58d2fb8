package io.xsell.server.persistence;

import io.xsell.core.dataimport.ImportCounts;
import io.xsell.core.dataimport.ImportRecord;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.out.LoadTenantDataPort;
import io.xsell.core.port.out.SaveTenantDataPort;
import io.xsell.server.dataimport.ImportHistory;
import io.xsell.server.persistence.snapshot.JdbiTenantSnapshots;
import java.lang.ref.WeakReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Tenants' canonical data in the database, one source at a time.
 *
 * <p>Loaded datasets are remembered per tenant and keyed by the tenant's data version: while the
 * version stands and the dataset is still in use, every load returns the same instance, which is
 * what lets the metrics service reuse the ledger it priced from that instance. Checking the version
 * costs one indexed query. The store holds a dataset only weakly: what keeps a tenant in memory is
 * the metrics service's byte-bounded cache of prepared tenants, so a tenant it drops is freed.
 */
public final class JdbiTenantDataStore implements LoadTenantDataPort, SaveTenantDataPort, ImportHistory {
    private static final String IMPORT_COLUMNS = "SELECT id, tenant_id, source, fingerprint, created_at, data_version, "
            + "customers, products, subscription_items, one_time_charges, fx_rates FROM imports";

    /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound driver memory. */
    static final int DEFAULT_CHUNK_SIZE = 4000;

    /**
     * Reads of a tenant in a row that may find a table of theirs dropped: each retry reads the
     * pointers again, so only a tenant re-imported this many times during one read fails it.
     */
    static final int READ_ATTEMPTS = 5;

    private final Jdbi jdbi;
    private final int chunkSize;
    private final JdbiTenantSnapshots snapshots; // null: this store keeps none
    private final ConcurrentMap<TenantId, Loaded> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<TenantId, Object> loadLocks = new ConcurrentHashMap<>();

    public JdbiTenantDataStore(Jdbi jdbi) {
        this(jdbi, DEFAULT_CHUNK_SIZE, null);
    }

    /** A store that restores tenants from {@code snapshots} before reading their rows. */
    public JdbiTenantDataStore(Jdbi jdbi, JdbiTenantSnapshots snapshots) {
        this(jdbi, DEFAULT_CHUNK_SIZE, Objects.requireNonNull(snapshots, "snapshots"));
    }

    JdbiTenantDataStore(Jdbi jdbi, int chunkSize) {
        this(jdbi, chunkSize, null);
    }

    private JdbiTenantDataStore(Jdbi jdbi, int chunkSize, JdbiTenantSnapshots snapshots) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.chunkSize = chunkSize;
        this.snapshots = snapshots;
    }

    /**
     * @throws IllegalArgumentException when the tenant does not exist or reports in another currency
     *                                  than the dataset's
     */
    @Override
    public ImportRecord replaceTenantData(TenantId tenant, String source, TenantDataset dataset, String fingerprint,
                                          Instant importedAt) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(importedAt, "importedAt");
        ImportCounts counts = ImportCounts.of(dataset);
        String importId = UUID.randomUUID().toString();
        Written written = jdbi.inTransaction(handle -> {
            // writing first takes SQLite's write lock at once; a read first could make the
            // transaction fail later when it upgrades, which the busy timeout does not cover
            int updated = handle.createUpdate("UPDATE tenants SET data_version = data_version + 1 WHERE id = ?")
                    .bind(0, tenant.value())
                    .execute();
            if (updated == 0) {
                throw unknownTenant(tenant);
            }
            TenantRow row = tenantRow(handle, tenant).orElseThrow(() -> unknownTenant(tenant));
            if (!row.reportingCurrency().equals(dataset.reportingCurrency())) {
                throw new IllegalArgumentException("tenant '" + tenant + "' reports in " + row.reportingCurrency()
                        + " but the dataset is in " + dataset.reportingCurrency());
            }
            DatasetWriter writer = new DatasetWriter(handle, tenant.value(), source, chunkSize);
            writer.deleteSource();
            writer.insert(dataset);
            EngagementWriter engagement = new EngagementWriter(handle, tenant.value(), source, chunkSize);
            engagement.deleteSource();
            engagement.insert(dataset.engagement());
            ImportRecord record = new ImportRecord(importId, tenant, source, fingerprint, importedAt,
                    row.dataVersion(), counts);
            insertImport(handle, record);
            return new Written(record, new TenantRow(row.dataVersion(), row.reportingCurrency()),
                    !hasOtherSources(handle, tenant, source), writer.onPostgres());
        });
        if (written.onPostgres()) {
            ImportGenerations.dropUnreferenced(jdbi);
        }
        if (written.onlySource()) {
            // The dataset just written is exactly what a load of this version would read back, so
            // the first query after an import need not read it again from the database.
            TenantDataset billing = dataset.withoutEngagement();
            cache.put(tenant, new Loaded(written.row(), new WeakReference<>(billing)));
            if (snapshots != null) {
                snapshots.loaded(tenant, written.row().dataVersion(), billing);
            }
        }
        return written.record();
    }

    private record Written(ImportRecord record, TenantRow row, boolean onlySource, boolean onPostgres) {
    }

    private static boolean hasOtherSources(Handle handle, TenantId tenant, String source) {
        return handle.createQuery("SELECT 1 FROM imports WHERE tenant_id = ? AND source <> ? LIMIT 1")
                .bind(0, tenant.value())
                .bind(1, source)
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }

    @Override
    public Optional<ImportRecord> latestImport(TenantId tenant, String source) {
        return jdbi.withHandle(h -> h.createQuery(IMPORT_COLUMNS
                        + " WHERE tenant_id = ? AND source = ? ORDER BY data_version DESC LIMIT 1")
                .bind(0, tenant.value())
                .bind(1, source)
                .map((rs, ctx) -> importRecord(rs))
                .findOne());
    }

    /** Newest first, across sources: every import raised the data version, so it orders them. */
    @Override
    public List<ImportRecord> imports(TenantId tenant, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(IMPORT_COLUMNS
                        + " WHERE tenant_id = ? ORDER BY data_version DESC LIMIT ?")
                .bind(0, tenant.value())
                .bind(1, limit)
                .map((rs, ctx) -> importRecord(rs))
                .list());
    }

    @Override
    public Optional<ImportRecord> find(TenantId tenant, String importId) {
        return jdbi.withHandle(h -> h.createQuery(IMPORT_COLUMNS + " WHERE tenant_id = ? AND id = ?")
                .bind(0, tenant.value())
                .bind(1, importId)
                .map((rs, ctx) -> importRecord(rs))
                .findOne());
    }

    /**
     * Every source of the tenant in one dataset, read from one snapshot.
     *
     * @throws IllegalArgumentException when the tenant does not exist
     */
    @Override
    public TenantDataset loadTenantData(TenantId tenant) {
        Loaded cached = cache.get(tenant);
        TenantDataset held = cached == null ? null : cached.dataset().get();
        if (held != null && cached.row().equals(currentRow(tenant))) {
            return held;
        }
        // one load per tenant at a time: a million-customer dataset loaded twice at once could
        // exhaust the heap. Whoever waited here asks for the version again, so a queue of callers
        // that all saw an older version reuses the one load that finished before them.
        synchronized (loadLocks.computeIfAbsent(tenant, t -> new Object())) {
            TenantRow current = currentRow(tenant);
            cached = cache.get(tenant);
            held = cached == null ? null : cached.dataset().get();
            if (held != null && cached.row().equals(current)) {
                return held;
            }
            if (snapshots != null) {
                Optional<TenantDataset> restored =
                        snapshots.restore(tenant, current.dataVersion(), current.reportingCurrency());
                if (restored.isPresent()) {
                    cache.put(tenant, new Loaded(current, new WeakReference<>(restored.get())));
                    return restored.get();
                }
            }
            Read read = read(tenant);
            cache.put(tenant, new Loaded(read.row(), new WeakReference<>(read.dataset())));
            if (snapshots != null) {
                snapshots.loaded(tenant, read.row().dataVersion(), read.dataset());
            }
            return read.dataset();
        }
    }

    /**
     * One snapshot of the tenant's rows. On PostgreSQL an import that commits during the read may
     * drop the tables the snapshot's pointers name (undefined_table): the read starts over, on a
     * snapshot that sees the new pointers, so it returns the old data or the new, never a mix.
     */
    private Read read(TenantId tenant) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
                    TenantRow row = tenantRow(h, tenant).orElseThrow(() -> unknownTenant(tenant));
                    return new Read(row, new DatasetReader(h, tenant.value()).read(row.reportingCurrency()));
                });
            } catch (RuntimeException e) {
                if (!SqlErrors.isUndefinedTable(e)) {
                    throw e;
                }
                if (attempt == READ_ATTEMPTS) {
                    throw new IllegalStateException("tenant '" + tenant + "': its tables were replaced during "
                            + READ_ATTEMPTS + " reads in a row", e);
                }
            }
        }
    }

    private TenantRow currentRow(TenantId tenant) {
        return jdbi.withHandle(h -> tenantRow(h, tenant)).orElseThrow(() -> unknownTenant(tenant));
    }

    private static Optional<TenantRow> tenantRow(Handle handle, TenantId tenant) {
        return handle.createQuery("SELECT data_version, reporting_currency FROM tenants WHERE id = ?")
                .bind(0, tenant.value())
                .map((rs, ctx) -> new TenantRow(rs.getLong(1), rs.getString(2)))
                .findOne();
    }

    private static void insertImport(Handle handle, ImportRecord record) {
        ImportCounts counts = record.counts();
        handle.createUpdate("INSERT INTO imports (id, tenant_id, source, fingerprint, created_at, data_version, "
                        + "customers, products, subscription_items, one_time_charges, fx_rates) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, record.id())
                .bind(1, record.tenant().value())
                .bind(2, record.source())
                .bind(3, record.fingerprint())
                .bind(4, Timestamps.format(record.createdAt()))
                .bind(5, record.dataVersion())
                .bind(6, counts.customers())
                .bind(7, counts.products())
                .bind(8, counts.subscriptionItems())
                .bind(9, counts.oneTimeCharges())
                .bind(10, counts.fxRates())
                .execute();
    }

    private static ImportRecord importRecord(ResultSet rs) throws SQLException {
        return new ImportRecord(rs.getString(1), new TenantId(rs.getString(2)), rs.getString(3), rs.getString(4),
                Timestamps.parse(rs.getString(5)), rs.getLong(6),
                new ImportCounts(rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)));
    }

    private static IllegalArgumentException unknownTenant(TenantId tenant) {
        return new IllegalArgumentException("unknown tenant '" + tenant + "'");
    }

    private record TenantRow(long dataVersion, String reportingCurrency) {
    }

    private record Loaded(TenantRow row, WeakReference<TenantDataset> dataset) {
    }

    private record Read(TenantRow row, TenantDataset dataset) {
    }
}
