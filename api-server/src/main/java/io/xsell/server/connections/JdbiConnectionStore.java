package io.xsell.server.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.TenantId;
import io.xsell.ingestion.provider.BackfillCheckpoints;
import io.xsell.ingestion.provider.LineOverride;
import io.xsell.ingestion.provider.ProviderRecord;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * What every provider's connections share in storage: the connections with their sealed secrets,
 * sync runs, backfill checkpoints, the mirror of the provider's objects and the event inbox.
 * Every query names the tenant, but for {@link #connection(String)}; a write of a run's rows also checks,
 * in its own statement, that the run is the connection's.
 */
public final class JdbiConnectionStore {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String CONNECTION_COLUMNS = "SELECT id, tenant_id, provider, account, created_at, livemode, "
            + "key_hint, webhook_ciphertext IS NOT NULL AS has_webhook, reporting_currency, line_overrides, fx_rates, "
            + "event_cursor, event_cursor_created, last_synced_at FROM provider_connections";
    private static final String RUN_COLUMNS = "SELECT id, connection_id, kind, state, started_at, finished_at, "
            + "objects_done, objects_estimated, counts, errors FROM sync_runs";
    private static final String UPSERT_OBJECT = "INSERT INTO provider_objects "
            + "(connection_id, object_type, object_id, version, deleted, payload) VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (connection_id, object_type, object_id) DO UPDATE SET version = excluded.version, "
            + "deleted = excluded.deleted, payload = excluded.payload WHERE excluded.version >= provider_objects.version";

    /** Every query of a connection's rows names the tenant: rows of another tenant's connection are never read. */
    static final String OF_TENANT = " connection_id IN (SELECT id FROM provider_connections WHERE tenant_id = ?)";
    static final String RUN_OF_TENANT = " run_id IN (SELECT id FROM sync_runs WHERE" + OF_TENANT + ")";
    /** A run of the tenant's connection: binds the run id, the connection id, then the tenant. */
    static final String RUN_OF_CONNECTION = " id = ? AND connection_id = ? AND" + OF_TENANT;

    private final Jdbi jdbi;
    private final ObjectMapper json = new ObjectMapper();

    public JdbiConnectionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public static String format(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }

    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }

    // ---- connections ----

    public void insertConnection(Connection connection, String sealedKey, String sealedWebhookSecret) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO provider_connections (id, tenant_id, provider, account, "
                        + "created_at, livemode, key_ciphertext, key_hint, webhook_ciphertext, reporting_currency, "
                        + "line_overrides, fx_rates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, connection.id())
                .bind(1, connection.tenant().value())
                .bind(2, connection.provider())
                .bind(3, connection.account())
                .bind(4, format(connection.createdAt()))
                .bind(5, connection.livemode() ? 1 : 0)
                .bind(6, sealedKey)
                .bind(7, connection.keyHint())
                .bind(8, sealedWebhookSecret)
                .bind(9, connection.reportingCurrency())
                .bind(10, write(overridesJson(connection.lineOverrides())))
                .bind(11, write(ratesJson(connection.fxRates())))
                .execute());
    }

    /** The tenant's connection; empty for another tenant's, exactly as for one that does not exist. */
    public Optional<Connection> connection(TenantId tenant, String id) {
        return jdbi.withHandle(h -> h.createQuery(CONNECTION_COLUMNS + " WHERE id = ? AND tenant_id = ?")
                .bind(0, id).bind(1, tenant.value()).map((rs, ctx) -> connection(rs)).findOne());
    }

    /**
     * The one lookup without a tenant: the scheduler, the {@code sync} command and webhooks (signed or
     * authenticated by the provider, not by a tenant's key) start from a connection id. Everything
     * after goes through the tenant the connection names.
     */
    public Optional<Connection> connection(String id) {
        return jdbi.withHandle(h -> h.createQuery(CONNECTION_COLUMNS + " WHERE id = ?")
                .bind(0, id).map((rs, ctx) -> connection(rs)).findOne());
    }

    /** The tenant's connections of every provider, oldest first. */
    public List<Connection> connections(TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery(CONNECTION_COLUMNS + " WHERE tenant_id = ? ORDER BY created_at")
                .bind(0, tenant.value()).map((rs, ctx) -> connection(rs)).list());
    }

    public void updateSettings(TenantId tenant, String connectionId, Map<String, LineOverride> overrides,
                               List<FxRate> rates) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE provider_connections SET line_overrides = ?, fx_rates = ? "
                        + "WHERE id = ? AND tenant_id = ?")
                .bind(0, write(overridesJson(overrides))).bind(1, write(ratesJson(rates))).bind(2, connectionId)
                .bind(3, tenant.value()).execute());
    }

    public String sealedKey(TenantId tenant, String connectionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT key_ciphertext FROM provider_connections WHERE id = ? "
                        + "AND tenant_id = ?")
                .bind(0, connectionId).bind(1, tenant.value()).mapTo(String.class).one());
    }

    public Optional<String> sealedWebhookSecret(TenantId tenant, String connectionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT webhook_ciphertext FROM provider_connections WHERE id = ? "
                        + "AND tenant_id = ?")
                .bind(0, connectionId).bind(1, tenant.value()).mapTo(String.class).findOne());
    }

    public void setEventCursor(TenantId tenant, String connectionId, String cursor, long created) {
        jdbi.useHandle(h -> updateCursor(h, tenant, connectionId, cursor, created));
    }

    private static void updateCursor(Handle h, TenantId tenant, String connectionId, String cursor, long created) {
        h.createUpdate("UPDATE provider_connections SET event_cursor = ?, event_cursor_created = ? WHERE id = ? "
                        + "AND tenant_id = ?")
                .bind(0, cursor).bind(1, created).bind(2, connectionId).bind(3, tenant.value()).execute();
    }

    public void markSynced(TenantId tenant, String connectionId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE provider_connections SET last_synced_at = ? WHERE id = ? "
                        + "AND tenant_id = ?")
                .bind(0, format(at)).bind(1, connectionId).bind(2, tenant.value()).execute());
    }

    /**
     * Refuses to write rows of a connection that is not the tenant's. Checked before a write
     * transaction, never inside it: a read first would make SQLite's lock upgrade fail (SQLITE_BUSY)
     * while another worker writes; a connection never changes tenant.
     */
    public void requireOwned(TenantId tenant, String connectionId) {
        boolean owned = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM provider_connections WHERE id = ? "
                        + "AND tenant_id = ?")
                .bind(0, connectionId).bind(1, tenant.value()).mapTo(Integer.class).one() > 0);
        if (!owned) {
            throw new IllegalArgumentException("no connection '" + connectionId + "' for this tenant");
        }
    }

    private Connection connection(ResultSet rs) throws SQLException {
        Long cursorCreated = rs.getObject("event_cursor_created") == null ? null : rs.getLong("event_cursor_created");
        return new Connection(rs.getString("id"), new TenantId(rs.getString("tenant_id")), rs.getString("provider"),
                rs.getString("account"), parse(rs.getString("created_at")), rs.getInt("livemode") == 1,
                rs.getString("key_hint"), rs.getBoolean("has_webhook"), rs.getString("reporting_currency"),
                overrides(rs.getString("line_overrides")), rates(rs.getString("fx_rates")), rs.getString("event_cursor"),
                cursorCreated, parse(rs.getString("last_synced_at")));
    }

    private static Map<String, Map<String, String>> overridesJson(Map<String, LineOverride> overrides) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        overrides.forEach((product, override) -> {
            Map<String, String> value = new LinkedHashMap<>();
            value.put("product_line", override.productLine());
            if (override.kind() != null) {
                value.put("kind", override.kind().code());
            }
            out.put(product, value);
        });
        return out;
    }

    private Map<String, LineOverride> overrides(String text) {
        Map<String, Map<String, String>> raw = read(text, new TypeReference<>() { });
        Map<String, LineOverride> out = new LinkedHashMap<>();
        raw.forEach((product, value) -> out.put(product, new LineOverride(value.get("product_line"),
                value.get("kind") == null ? null : LineKind.parse(value.get("kind")))));
        return out;
    }

    private static List<Map<String, String>> ratesJson(List<FxRate> rates) {
        List<Map<String, String>> out = new ArrayList<>();
        for (FxRate rate : rates) {
            out.add(Map.of("date", rate.date().toString(), "currency", rate.currency(), "rate",
                    rate.rate().toPlainString()));
        }
        return out;
    }

    private List<FxRate> rates(String text) {
        List<Map<String, String>> raw = read(text, new TypeReference<>() { });
        List<FxRate> out = new ArrayList<>();
        for (Map<String, String> rate : raw) {
            out.add(new FxRate(LocalDate.parse(rate.get("date")), rate.get("currency"), new BigDecimal(rate.get("rate"))));
        }
        return out;
    }

    // ---- runs ----

    public void insertRun(TenantId tenant, SyncRun run) {
        requireOwned(tenant, run.connectionId());
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO sync_runs (id, connection_id, kind, state, started_at, "
                        + "objects_done, objects_estimated, counts, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, run.id()).bind(1, run.connectionId()).bind(2, run.kind()).bind(3, run.state())
                .bind(4, format(run.startedAt())).bind(5, run.objectsDone()).bind(6, run.objectsEstimated())
                .bind(7, write(run.counts())).bind(8, write(run.errors()))
                .execute());
    }

    public void finishRun(TenantId tenant, String runId, String state, Instant finishedAt, long objectsDone,
                          Map<String, Long> counts, List<String> errors) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sync_runs SET state = ?, finished_at = ?, objects_done = ?, "
                        + "counts = ?, errors = ? WHERE id = ? AND" + OF_TENANT)
                .bind(0, state).bind(1, format(finishedAt)).bind(2, objectsDone).bind(3, write(counts))
                .bind(4, write(errors)).bind(5, runId).bind(6, tenant.value()).execute());
    }

    /**
     * Records how a run ended and, when it succeeded, that its connection is synced at that moment;
     * answers the run as stored.
     */
    public SyncRun finish(TenantId tenant, String connectionId, String runId, RunOutcome outcome, Instant at,
                          long objectsDone, Map<String, Long> counts) {
        finishRun(tenant, runId, outcome.state(), at, objectsDone, counts, outcome.errors());
        if (outcome.succeeded()) {
            markSynced(tenant, connectionId, at);
        }
        return run(tenant, runId).orElseThrow();
    }

    /** Newest first. */
    public List<SyncRun> runs(TenantId tenant, String connectionId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(RUN_COLUMNS + " WHERE connection_id = ? AND" + OF_TENANT
                        + " ORDER BY started_at DESC LIMIT ?")
                .bind(0, connectionId).bind(1, tenant.value()).bind(2, limit).map((rs, ctx) -> run(rs)).list());
    }

    public Optional<SyncRun> run(TenantId tenant, String runId) {
        return jdbi.withHandle(h -> h.createQuery(RUN_COLUMNS + " WHERE id = ? AND" + OF_TENANT).bind(0, runId)
                .bind(1, tenant.value()).map((rs, ctx) -> run(rs)).findOne());
    }

    /** The latest backfill that did not finish (killed, or failed for good): the next sync resumes it. */
    public Optional<SyncRun> unfinishedBackfill(TenantId tenant, String connectionId) {
        return jdbi.withHandle(h -> h.createQuery(RUN_COLUMNS + " WHERE connection_id = ? AND" + OF_TENANT
                        + " AND kind <> 'incremental' ORDER BY started_at DESC LIMIT 1")
                .bind(0, connectionId).bind(1, tenant.value()).map((rs, ctx) -> run(rs)).findOne())
                .filter(run -> !"succeeded".equals(run.state()) && !"superseded".equals(run.state()));
    }

    /** A backfill taken up again after it was cut off or failed. */
    public void resumeRun(TenantId tenant, String runId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sync_runs SET state = 'running', finished_at = NULL "
                        + "WHERE id = ? AND" + OF_TENANT)
                .bind(0, runId).bind(1, tenant.value()).execute());
    }

    /** Objects the latest finished backfill stored: the estimate of the next one. */
    public Optional<Long> lastBackfillSize(TenantId tenant, String connectionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT objects_done FROM sync_runs WHERE connection_id = ? "
                        + "AND" + OF_TENANT + " AND kind <> 'incremental' AND state = 'succeeded' "
                        + "ORDER BY started_at DESC LIMIT 1")
                .bind(0, connectionId).bind(1, tenant.value()).mapTo(Long.class).findOne());
    }

    private SyncRun run(ResultSet rs) throws SQLException {
        Long estimated = rs.getObject("objects_estimated") == null ? null : rs.getLong("objects_estimated");
        return new SyncRun(rs.getString("id"), rs.getString("connection_id"), rs.getString("kind"),
                rs.getString("state"), parse(rs.getString("started_at")), parse(rs.getString("finished_at")),
                rs.getLong("objects_done"), estimated, read(rs.getString("counts"), new TypeReference<>() { }),
                read(rs.getString("errors"), new TypeReference<>() { }));
    }

    // ---- backfill checkpoints ----

    /** One checkpoint of a backfill: where the next page of a list (or slice of one) starts. */
    public record Checkpoint(String key, String cursor, boolean done, long objects) {
    }

    /** The plan a backfill run recorded when it started (the provider's own text); null before. */
    public String plan(TenantId tenant, String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT plan FROM sync_runs WHERE id = ? AND" + OF_TENANT)
                .bind(0, runId).bind(1, tenant.value()).mapTo(String.class).findOne().orElse(null));
    }

    /** The run's checkpoints in the order they were planned. */
    public List<Checkpoint> checkpoints(TenantId tenant, String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT slice_key, cursor, done, objects FROM backfill_checkpoints "
                        + "WHERE run_id = ? AND" + RUN_OF_TENANT + " ORDER BY position")
                .bind(0, runId).bind(1, tenant.value())
                .map((rs, ctx) -> new Checkpoint(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getLong(4)))
                .list());
    }

    /** Records the run's plan and one empty checkpoint per key, in one transaction. */
    public void startPlan(TenantId tenant, String connectionId, String runId, String plan, List<String> keys) {
        requireOwned(tenant, connectionId);
        jdbi.useTransaction(h -> {
            requireRunUpdated(h.createUpdate("UPDATE sync_runs SET plan = ? WHERE" + RUN_OF_CONNECTION)
                    .bind(0, plan).bind(1, runId).bind(2, connectionId).bind(3, tenant.value()).execute(),
                    connectionId, runId);
            PreparedBatch batch = h.prepareBatch("INSERT INTO backfill_checkpoints "
                    + "(run_id, slice_key, position, cursor, done, objects) VALUES (?, ?, ?, NULL, 0, 0)");
            int position = 0;
            for (String key : keys) {
                batch.bind(0, runId).bind(1, key).bind(2, position++).add();
            }
            batch.execute();
        });
    }

    /**
     * Stores a page's objects and moves its checkpoint in one transaction: a checkpoint never moves
     * past objects that were not stored.
     *
     * @param listed objects the provider listed in the page (not those derived from them)
     */
    public void savePage(TenantId tenant, String connectionId, String runId, Checkpoint after, long listed,
                         List<ProviderRecord> records) {
        requireOwned(tenant, connectionId);
        jdbi.useTransaction(h -> {
            // the run is checked in the write itself: an owned connection must not move another run's checkpoints
            requireRunUpdated(h.createUpdate("UPDATE sync_runs SET objects_done = objects_done + ? WHERE"
                            + RUN_OF_CONNECTION)
                    .bind(0, listed).bind(1, runId).bind(2, connectionId).bind(3, tenant.value()).execute(),
                    connectionId, runId);
            upsert(h, connectionId, records);
            int moved = h.createUpdate("UPDATE backfill_checkpoints SET cursor = ?, done = ?, objects = ? "
                            + "WHERE run_id = ? AND slice_key = ?")
                    .bind(0, after.cursor()).bind(1, after.done() ? 1 : 0).bind(2, after.objects())
                    .bind(3, runId).bind(4, after.key()).execute();
            if (moved == 0) {
                h.createUpdate("INSERT INTO backfill_checkpoints (run_id, slice_key, position, cursor, done, objects) "
                                + "VALUES (?, ?, (SELECT COUNT(*) FROM backfill_checkpoints WHERE run_id = ?), ?, ?, ?)")
                        .bind(0, runId).bind(1, after.key()).bind(2, runId).bind(3, after.cursor())
                        .bind(4, after.done() ? 1 : 0).bind(5, after.objects()).execute();
            }
        });
    }

    /** Rolls the write transaction back when its run is not one of the tenant's connection's runs. */
    private static void requireRunUpdated(int updated, String connectionId, String runId) {
        if (updated == 0) {
            throw new IllegalArgumentException("no sync run '" + runId + "' of connection '" + connectionId
                    + "' for this tenant");
        }
    }

    /**
     * A run's checkpoints as the provider-neutral {@link BackfillCheckpoints} of an offset-paged
     * backfill (one checkpoint per list, created as the list is first stored).
     */
    public BackfillCheckpoints offsetCheckpoints(TenantId tenant, String connectionId, String runId) {
        return new BackfillCheckpoints() {
            @Override
            public String offset(String listName) {
                return checkpoints(tenant, runId).stream().filter(c -> c.key().equals(listName)).findFirst()
                        .map(c -> c.done() ? DONE : c.cursor()).orElse(null);
            }

            @Override
            public void save(String listName, String nextOffset, List<ProviderRecord> records) {
                long before = checkpoints(tenant, runId).stream().filter(c -> c.key().equals(listName))
                        .mapToLong(Checkpoint::objects).sum();
                boolean done = DONE.equals(nextOffset);
                savePage(tenant, connectionId, runId, new Checkpoint(listName, done ? null : nextOffset, done,
                        before + records.size()), records.size(), records);
            }
        };
    }

    // ---- objects ----

    private static void upsert(Handle h, String connectionId, List<ProviderRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        // one row per object in a batch: PostgreSQL refuses a multi-row upsert that touches a row twice
        // (an object shared by several parents of one page, say); the newest version wins, as in the table.
        // Sorted by key: parallel backfill pages share objects, and rows locked in one order never deadlock
        Map<String, ProviderRecord> unique = new TreeMap<>();
        for (ProviderRecord record : records) {
            unique.merge(record.type() + "\u0000" + record.id(), record, (a, b) -> b.supersedes(a) ? b : a);
        }
        PreparedBatch batch = h.prepareBatch(UPSERT_OBJECT);
        for (ProviderRecord record : unique.values()) {
            batch.bind(0, connectionId).bind(1, record.type()).bind(2, record.id())
                    .bind(3, record.version()).bind(4, record.deleted() ? 1 : 0)
                    .bind(5, record.deleted() ? null : record.json()).add();
        }
        batch.execute();
    }

    /** Stores objects of the tenant's connection, newest version kept. */
    public void storeObjects(TenantId tenant, String connectionId, List<ProviderRecord> records) {
        requireOwned(tenant, connectionId);
        jdbi.useTransaction(h -> upsert(h, connectionId, records));
    }

    /** The payloads of the connection's live objects of one type, streamed in id order. */
    public void payloads(TenantId tenant, String connectionId, String type, Consumer<String> consumer) {
        jdbi.useHandle(h -> {
            try (var stream = h.createQuery("SELECT payload FROM provider_objects WHERE connection_id = ? AND"
                            + OF_TENANT + " AND object_type = ? AND deleted = 0 ORDER BY object_id")
                    .bind(0, connectionId).bind(1, tenant.value()).bind(2, type).setFetchSize(500)
                    .mapTo(String.class).stream()) {
                stream.forEach(consumer);
            }
        });
    }

    /** The connection's objects of one type, deleted ones included, in id order. */
    public List<ProviderRecord> records(TenantId tenant, String connectionId, String type) {
        return jdbi.withHandle(h -> h.createQuery("SELECT object_type, object_id, version, payload, deleted "
                        + "FROM provider_objects WHERE connection_id = ? AND" + OF_TENANT + " AND object_type = ? "
                        + "ORDER BY object_id")
                .bind(0, connectionId).bind(1, tenant.value()).bind(2, type).setFetchSize(500)
                .map((rs, ctx) -> new ProviderRecord(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4) == null ? "{}" : rs.getString(4), rs.getInt(5) == 1))
                .list());
    }

    // ---- event inbox ----

    /**
     * Stores the events not seen before and applies each one's effect to the mirror, in one
     * transaction, then moves the cursor when one is given. An event seen before (by either route)
     * changes nothing. Applying is idempotent and order-independent: an object keeps its newest
     * version. Events are applied in order of occurrence.
     *
     * @return how many events were new
     */
    public int receive(TenantId tenant, String connectionId, List<InboxEvent> events, String via, Instant at,
                       String cursor, Long cursorCreated) {
        requireOwned(tenant, connectionId);
        List<InboxEvent> ordered = new ArrayList<>(events);
        ordered.sort(java.util.Comparator.comparingLong(InboxEvent::created));
        return jdbi.inTransaction(h -> {
            int fresh = 0;
            for (InboxEvent event : ordered) {
                int inserted = h.createUpdate("INSERT INTO provider_events (connection_id, event_id, event_type, "
                                + "created, received_via, received_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (connection_id, event_id) DO NOTHING")
                        .bind(0, connectionId).bind(1, event.id()).bind(2, event.type()).bind(3, event.created())
                        .bind(4, via).bind(5, format(at)).bind(6, event.payload()).execute();
                if (inserted == 0) {
                    continue;
                }
                fresh++;
                upsert(h, connectionId, event.effects());
                h.createUpdate("UPDATE provider_events SET applied_at = ? WHERE connection_id = ? AND event_id = ?")
                        .bind(0, format(at)).bind(1, connectionId).bind(2, event.id()).execute();
            }
            if (cursor != null) {
                updateCursor(h, tenant, connectionId, cursor, cursorCreated);
            }
            return fresh;
        });
    }

    /** How many events of the connection the inbox holds. */
    public long eventCount(TenantId tenant, String connectionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM provider_events WHERE connection_id = ? AND"
                        + OF_TENANT)
                .bind(0, connectionId).bind(1, tenant.value()).mapTo(Long.class).one());
    }

    // ---- JSON ----

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
