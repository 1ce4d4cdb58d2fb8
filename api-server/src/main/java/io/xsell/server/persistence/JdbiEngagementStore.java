package io.xsell.server.persistence;

import io.xsell.core.engagement.BatchKind;
import io.xsell.core.engagement.DuplicateBatchException;
import io.xsell.core.engagement.EngagementBatch;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.TenantId;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageEvent;
import io.xsell.core.port.out.LoadEngagementDataPort;
import io.xsell.core.port.out.SaveEngagementDataPort;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.lang.ref.SoftReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Tenants' campaigns, touchpoints and usage events in the database. Batches posted to the API are
 * stored under the source {@value EngagementReader#API_SOURCE}, each in one transaction with its
 * idempotency record, and raise the tenant's engagement version. Loads are cached per tenant and
 * keyed by its data and engagement versions, so a CSV import (data version) or a batch (engagement
 * version) is seen by the next load, and every load in between returns the same instance.
 */
public final class JdbiEngagementStore implements LoadEngagementDataPort, SaveEngagementDataPort {
    /** seq of an API batch's touchpoints: engagement version x this + position; a batch holds at most 10,000. */
    static final long SEQ_PER_BATCH = 10_000;

    private final Jdbi jdbi;
    private final int chunkSize;
    private final ConcurrentMap<TenantId, Loaded> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<TenantId, Object> loadLocks = new ConcurrentHashMap<>();

    public JdbiEngagementStore(Jdbi jdbi) {
        this(jdbi, JdbiTenantDataStore.DEFAULT_CHUNK_SIZE);
    }

    JdbiEngagementStore(Jdbi jdbi, int chunkSize) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.chunkSize = chunkSize;
    }

    private record Versions(long data, long engagement) {
    }

    /** Held softly: the collector frees it under memory pressure rather than fail an import or query. */
    private record Loaded(Versions versions, SoftReference<EngagementData> held) {
        Loaded(Versions versions, EngagementData data) {
            this(versions, new SoftReference<>(data));
        }

        EngagementData data() {
            return held.get();
        }
    }

    /** @throws IllegalArgumentException when the tenant does not exist */
    @Override
    public EngagementData loadEngagementData(TenantId tenant) {
        Loaded cached = cache.get(tenant);
        EngagementData kept = cached == null ? null : cached.data();
        if (kept != null && cached.versions().equals(versions(tenant))) {
            return kept;
        }
        // one load per tenant at a time: ten million usage rows loaded twice at once is heap wasted
        synchronized (loadLocks.computeIfAbsent(tenant, t -> new Object())) {
            Versions current = versions(tenant);
            cached = cache.get(tenant);
            kept = cached == null ? null : cached.data();
            if (kept != null && cached.versions().equals(current)) {
                return kept;
            }
            EngagementData previousData = kept;
            Loaded previous = kept == null ? null : cached;
            EngagementData[] read = new EngagementData[1];
            Loaded loaded = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
                Versions versions = versions(h, tenant);
                EngagementReader reader = new EngagementReader(h, tenant.value());
                // only API batches came since the cached load: read just their rows (tens of
                // millions of stored events are not read again for every batch of ten thousand)
                boolean onlyBatches = previous != null && previous.versions().data() == versions.data()
                        && previous.versions().engagement() < versions.engagement();
                read[0] = onlyBatches
                        ? reader.readSince(previousData, previous.versions().engagement(), SEQ_PER_BATCH)
                        : reader.read();
                return new Loaded(versions, read[0]);
            });
            cache.put(tenant, loaded);
            return read[0];
        }
    }

    /** The tenant's engagement version: raised by every batch stored through the API. */
    public long engagementVersion(TenantId tenant) {
        return versions(tenant).engagement();
    }

    private Versions versions(TenantId tenant) {
        return jdbi.withHandle(h -> versions(h, tenant));
    }

    private static Versions versions(Handle handle, TenantId tenant) {
        return handle.createQuery("SELECT data_version, engagement_version FROM tenants WHERE id = ?")
                .bind(0, tenant.value())
                .map((rs, ctx) -> new Versions(rs.getLong(1), rs.getLong(2)))
                .findOne()
                .orElseThrow(() -> unknownTenant(tenant));
    }

    @Override
    public Optional<EngagementBatch> findBatch(TenantId tenant, String idempotencyKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT kind, fingerprint, row_count, received_at "
                        + "FROM engagement_batches WHERE tenant_id = ? AND idempotency_key = ?")
                .bind(0, tenant.value())
                .bind(1, idempotencyKey)
                .map((rs, ctx) -> new EngagementBatch(tenant, idempotencyKey, BatchKind.ofCode(rs.getString(1)),
                        rs.getString(2), rs.getInt(3), Timestamps.parse(rs.getString(4))))
                .findOne());
    }

    @Override
    public Set<String> campaignIds(TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT campaign_id FROM campaigns WHERE tenant_id = ?")
                .bind(0, tenant.value())
                .mapTo(String.class)
                .set());
    }

    @Override
    public void saveCampaigns(EngagementBatch batch, List<Campaign> campaigns) {
        save(batch, (writer, version) -> writer.upsertCampaigns(campaigns));
    }

    @Override
    public void saveTouchpoints(EngagementBatch batch, List<Touchpoint> touchpoints) {
        save(batch, (writer, version) -> writer.insertTouchpoints(touchpoints, version * SEQ_PER_BATCH));
    }

    @Override
    public void saveUsageEvents(EngagementBatch batch, List<UsageEvent> events) {
        save(batch, (writer, version) -> writer.insertUsageEvents(events, version));
    }

    private void save(EngagementBatch batch, BiConsumer<EngagementWriter, Long> rows) {
        TenantId tenant = batch.tenant();
        try {
            jdbi.useTransaction(handle -> {
                // writing first takes SQLite's write lock at once, and on PostgreSQL queues
                // concurrent batches of one tenant on its row, so a duplicate key is seen, not raced
                int updated = handle.createUpdate("UPDATE tenants SET engagement_version = engagement_version + 1 "
                                + "WHERE id = ?")
                        .bind(0, tenant.value())
                        .execute();
                if (updated == 0) {
                    throw unknownTenant(tenant);
                }
                long version = versions(handle, tenant).engagement();
                handle.createUpdate("INSERT INTO engagement_batches (tenant_id, idempotency_key, kind, fingerprint, "
                                + "row_count, received_at) VALUES (?, ?, ?, ?, ?, ?)")
                        .bind(0, tenant.value())
                        .bind(1, batch.idempotencyKey())
                        .bind(2, batch.kind().code())
                        .bind(3, batch.fingerprint())
                        .bind(4, batch.rows())
                        .bind(5, Timestamps.format(batch.receivedAt()))
                        .execute();
                rows.accept(new EngagementWriter(handle, tenant.value(), EngagementReader.API_SOURCE, chunkSize),
                        version);
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new DuplicateBatchException(batch.idempotencyKey(), e);
            }
            throw e;
        }
    }

    private static IllegalArgumentException unknownTenant(TenantId tenant) {
        return new IllegalArgumentException("unknown tenant '" + tenant + "'");
    }
}
