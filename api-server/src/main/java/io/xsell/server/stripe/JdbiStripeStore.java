package io.xsell.server.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.TenantId;
import io.xsell.ingestion.stripe.StripeObjectType;
import io.xsell.ingestion.stripe.StripeSnapshot;
import io.xsell.ingestion.provider.LineOverride;
import io.xsell.ingestion.stripe.sync.BackfillPlan;
import io.xsell.ingestion.stripe.sync.BackfillStore;
import io.xsell.ingestion.stripe.sync.Slice;
import io.xsell.ingestion.stripe.sync.SliceState;
import io.xsell.ingestion.stripe.sync.StripeList;
import io.xsell.ingestion.stripe.sync.StripeRecord;
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
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Stripe connections, their sync runs and checkpoints, the mirrored objects and the event inbox. */
public final class JdbiStripeStore {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String CONNECTION_COLUMNS = "SELECT id, tenant_id, created_at, livemode, key_hint, "
            + "webhook_ciphertext IS NOT NULL AS has_webhook, reporting_currency, line_overrides, fx_rates, "
            + "event_cursor, event_cursor_created, last_synced_at FROM stripe_connections";
    private static final String RUN_COLUMNS = "SELECT id, connection_id, kind, state, started_at, finished_at, "
            + "objects_done, objects_estimated, counts, errors FROM stripe_sync_runs";
    private static final String UPSERT_OBJECT = "INSERT INTO stripe_objects "
            + "(connection_id, object_type, object_id, version, deleted, payload) VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (connection_id, object_type, object_id) DO UPDATE SET version = excluded.version, "
            + "deleted = excluded.deleted, payload = excluded.payload WHERE excluded.version >= stripe_objects.version";

    /** Every query of a connection's rows names the tenant: rows of another tenant's connection are never read. */
    private static final String OF_TENANT = " connection_id IN (SELECT id FROM stripe_connections WHERE tenant_id = ?)";
    private static final String RUN_OF_TENANT = " run_id IN (SELECT id FROM stripe_sync_runs WHERE" + OF_TENANT + ")";

    private final Jdbi jdbi;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public JdbiStripeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static String format(Instant instant) {
        return instant == null ? null : INSTANT.format(instant);
    }

    static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }

    // ---- connections ----

    public void insertConnection(StripeConnection connection, String sealedKey, String sealedWebhookSecret) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO stripe_connections (id, tenant_id, created_at, livemode, "
                        + "key_ciphertext, key_hint, webhook_ciphertext, reporting_currency, line_overrides, fx_rates) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, connection.id())
                .bind(1, connection.tenant().value())
                .bind(2, format(connection.createdAt()))
                .bind(3, connection.livemode() ? 1 : 0)
                .bind(4, sealedKey)
                .bind(5, connection.keyHint())
                .bind(6, sealedWebhookSecret)
                .bind(7, connection.reportingCurrency())
                .bind(8, write(overridesJson(connection.lineOverrides())))
                .bind(9, write(ratesJson(connection.fxRates())))
                .execute());
    }

    /** The tenant's connection; empty for another tenant's, exactly as for one that does not exist. */
    public Optional<StripeConnection> connection(TenantId tenant, String id) {
        return jdbi.withHandle(h -> h.createQuery(CONNECTION_COLUMNS + " WHERE id = ? AND tenant_id = ?")
                .bind(0, id).bind(1, tenant.value()).map((rs, ctx) -> connection(rs)).findOne());
    }

    /**
     * The one lookup without a tenant: the scheduler, the {@code sync} command and webhooks (signed by
     * Stripe, not by a tenant's key) start from a connection id. Everything after goes through the
     * tenant the connection names.
     */
    public Optional<StripeConnection> connection(String id) {
        return jdbi.withHandle(h -> h.createQuery(CONNECTION_COLUMNS + " WHERE id = ?")
                .bind(0, id).map((rs, ctx) -> connection(rs)).findOne());
    }

    public List<StripeConnection> connections(TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery(CONNECTION_COLUMNS + " WHERE tenant_id = ? ORDER BY created_at")
                .bind(0, tenant.value()).map((rs, ctx) -> connection(rs)).list());
    }

    public void updateSettings(TenantId tenant, String connectionId, Map<String, LineOverride> overrides,
                               List<FxRate> rates) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE stripe_connections SET line_overrides = ?, fx_rates = ? "
                        + "WHERE id = ? AND tenant_id = ?")
                .bind(0, write(overridesJson(overrides))).bind(1, write(ratesJson(rates))).bind(2, connectionId)
                .bind(3, tenant.value()).execute());
    }

    public String sealedKey(TenantId tenant, String connectionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT key_ciphertext FROM stripe_connections WHERE id = ? "
                        + "AND tenant_id = ?")
                .bind(0, connectionId).bind(1, tenant.value()).mapTo(String.class).one());
    }

    public Optional<String> sealedWebhookSecret(TenantId tenant, String connectionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT webhook_ciphertext FROM stripe_connections WHERE id = ? "
                        + "AND tenant_id = ?")
                .bind(0, connectionId).bind(1, tenant.value()).mapTo(String.class).findOne());
    }

    public void setEventCursor(TenantId tenant, String connectionId, String cursor, long created) {
        jdbi.useHandle(h -> updateCursor(h, tenant, connectionId, cursor, created));
    }

    private static void updateCursor(Handle h, TenantId tenant, String connectionId, String cursor, long created) {
        h.createUpdate("UPDATE stripe_connections SET event_cursor = ?, event_cursor_created = ? WHERE id = ? "
                        + "AND tenant_id = ?")
                .bind(0, cursor).bind(1, created).bind(2, connectionId).bind(3, tenant.value()).execute();
    }

    public void markSynced(TenantId tenant, String connectionId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE stripe_connections SET last_synced_at = ? WHERE id = ? "
                        + "AND tenant_id = ?")
                .bind(0, format(at)).bind(1, connectionId).bind(2, tenant.value()).execute());
    }

    /**
     * Refuses to write rows of a connection that is not the tenant's. Checked before a write
     * transaction, never inside it: a read first would make SQLite's lock upgrade fail (SQLITE_BUSY)
     * while another worker writes; a connection never changes tenant.
     */
    private void requireOwned(TenantId tenant, String connectionId) {
        boolean owned = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM stripe_connections WHERE id = ? AND tenant_id = ?")
                .bind(0, connectionId).bind(1, tenant.value()).mapTo(Integer.class).one() > 0);
        if (!owned) {
            throw new IllegalArgumentException("no Stripe connection '" + connectionId + "' for this tenant");
        }
    }

    private StripeConnection connection(ResultSet rs) throws SQLException {
        Long cursorCreated = rs.getObject("event_cursor_created") == null ? null : rs.getLong("event_cursor_created");
        return new StripeConnection(rs.getString("id"), new TenantId(rs.getString("tenant_id")),
                parse(rs.getString("created_at")), rs.getInt("livemode") == 1, rs.getString("key_hint"),
                rs.getBoolean("has_webhook"), rs.getString("reporting_currency"),
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
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO stripe_sync_runs (id, connection_id, kind, state, started_at, "
                        + "objects_done, objects_estimated, counts, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, run.id()).bind(1, run.connectionId()).bind(2, run.kind()).bind(3, run.state())
                .bind(4, format(run.startedAt())).bind(5, run.objectsDone()).bind(6, run.objectsEstimated())
                .bind(7, write(run.counts())).bind(8, write(run.errors()))
                .execute());
    }

    public void finishRun(TenantId tenant, String runId, String state, Instant finishedAt, long objectsDone,
                          Map<String, Long> counts, List<String> errors) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE stripe_sync_runs SET state = ?, finished_at = ?, objects_done = ?, "
                        + "counts = ?, errors = ? WHERE id = ? AND" + OF_TENANT)
                .bind(0, state).bind(1, format(finishedAt)).bind(2, objectsDone).bind(3, write(counts))
                .bind(4, write(errors)).bind(5, runId).bind(6, tenant.value()).execute());
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
        jdbi.useHandle(h -> h.createUpdate("UPDATE stripe_sync_runs SET state = 'running', finished_at = NULL "
                        + "WHERE id = ? AND" + OF_TENANT)
                .bind(0, runId).bind(1, tenant.value()).execute());
    }

    /** Objects the latest finished backfill stored: the estimate of the next one. */
    public Optional<Long> lastBackfillSize(TenantId tenant, String connectionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT objects_done FROM stripe_sync_runs WHERE connection_id = ? "
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

    // ---- backfill checkpoints and objects ----

    /** The checkpoints of one backfill run, stored with the objects they guard. */
    public BackfillStore backfillStore(TenantId tenant, String runId, String connectionId) {
        return new BackfillStore() {
            @Override
            public Optional<ResumePoint> resumePoint() {
                return jdbi.withHandle(h -> {
                    String plan = h.createQuery("SELECT plan FROM stripe_sync_runs WHERE id = ? AND" + OF_TENANT)
                            .bind(0, runId).bind(1, tenant.value()).mapTo(String.class).findOne().orElse(null);
                    if (plan == null) {
                        return Optional.empty();
                    }
                    BackfillPlan parsed = readPlan(plan);
                    Map<String, Slice> byKey = new LinkedHashMap<>();
                    parsed.slices().forEach(s -> byKey.put(s.key(), s));
                    List<SliceState> states = h.createQuery("SELECT slice_key, cursor, done, objects "
                                    + "FROM stripe_backfill_slices WHERE run_id = ? AND" + RUN_OF_TENANT
                                    + " ORDER BY position")
                            .bind(0, runId).bind(1, tenant.value())
                            .map((rs, ctx) -> new SliceState(byKey.get(rs.getString(1)), rs.getString(2),
                                    rs.getInt(3) == 1, rs.getLong(4)))
                            .list();
                    return Optional.of(new ResumePoint(parsed, states));
                });
            }

            @Override
            public void startPlan(BackfillPlan plan) {
                requireOwned(tenant, connectionId);
                jdbi.useTransaction(h -> {
                    h.createUpdate("UPDATE stripe_sync_runs SET plan = ? WHERE id = ? AND" + OF_TENANT)
                            .bind(0, writePlan(plan)).bind(1, runId).bind(2, tenant.value()).execute();
                    PreparedBatch batch = h.prepareBatch("INSERT INTO stripe_backfill_slices "
                            + "(run_id, slice_key, position, cursor, done, objects) VALUES (?, ?, ?, NULL, 0, 0)");
                    int position = 0;
                    for (Slice slice : plan.slices()) {
                        batch.bind(0, runId).bind(1, slice.key()).bind(2, position++).add();
                    }
                    batch.execute();
                });
            }

            @Override
            public void savePage(SliceState after, List<StripeRecord> records) {
                requireOwned(tenant, connectionId);
                jdbi.useTransaction(h -> {
                    upsert(h, connectionId, records);
                    h.createUpdate("UPDATE stripe_backfill_slices SET cursor = ?, done = ?, objects = ? "
                                    + "WHERE run_id = ? AND slice_key = ?")
                            .bind(0, after.cursor()).bind(1, after.done() ? 1 : 0).bind(2, after.objects())
                            .bind(3, runId).bind(4, after.slice().key()).execute();
                    // the objects Stripe listed, not the items and discounts derived from them
                    long listed = records.stream().filter(r -> r.type() == after.slice().list().type()).count();
                    h.createUpdate("UPDATE stripe_sync_runs SET objects_done = objects_done + ? WHERE id = ?")
                            .bind(0, listed).bind(1, runId).execute();
                });
            }
        };
    }

    /** Objects stored per Stripe type by a backfill run, from its checkpoints. */
    public Map<String, Long> backfillCounts(TenantId tenant, String runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT slice_key, objects FROM stripe_backfill_slices WHERE run_id = ? AND"
                        + RUN_OF_TENANT)
                .bind(0, runId).bind(1, tenant.value())
                .map((rs, ctx) -> Map.entry(StripeList.valueOf(rs.getString(1).substring(0, rs.getString(1).indexOf(':')))
                        .type().wireName(), rs.getLong(2)))
                .forEach(e -> counts.merge(e.getKey(), e.getValue(), Long::sum)));
        return counts;
    }

    private static void upsert(Handle h, String connectionId, List<StripeRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        // one row per object in a batch: PostgreSQL refuses a multi-row upsert that touches a row twice
        // (a discount shared by several invoices of one page, say); the newest version wins, as in the table.
        // Sorted by key: parallel backfill pages share discounts, and rows locked in one order never deadlock
        Map<String, StripeRecord> unique = new java.util.TreeMap<>();
        for (StripeRecord record : records) {
            unique.merge(record.type().wireName() + "\u0000" + record.id(), record,
                    (a, b) -> b.version() >= a.version() ? b : a);
        }
        PreparedBatch batch = h.prepareBatch(UPSERT_OBJECT);
        for (StripeRecord record : unique.values()) {
            batch.bind(0, connectionId).bind(1, record.type().wireName()).bind(2, record.id())
                    .bind(3, record.version()).bind(4, record.deleted() ? 1 : 0).bind(5, record.json()).add();
        }
        batch.execute();
    }

    /** Stores objects of the tenant's connection, newest version kept (discounts fetched for ids, say). */
    public void storeObjects(TenantId tenant, String connectionId, List<StripeRecord> records) {
        requireOwned(tenant, connectionId);
        jdbi.useTransaction(h -> upsert(h, connectionId, records));
    }

    /** The connection's mirrored objects, streamed from the database type by type. */
    public StripeSnapshot snapshot(TenantId tenant, String connectionId) {
        return (StripeObjectType type, Consumer<String> consumer) -> jdbi.useHandle(h -> {
            try (var stream = h.createQuery("SELECT payload FROM stripe_objects WHERE connection_id = ? AND"
                            + OF_TENANT + " AND object_type = ? AND deleted = 0 ORDER BY object_id")
                    .bind(0, connectionId).bind(1, tenant.value()).bind(2, type.wireName()).setFetchSize(500)
                    .mapTo(String.class).stream()) {
                stream.forEach(consumer);
            }
        });
    }

    // ---- event inbox ----

    /** An event as received: stored, de-duplicated by id, before it is applied. */
    public record InboxEvent(String id, String type, long created, String payload, List<StripeRecord> effects) {
    }

    /**
     * Stores the events not seen before and applies each one's effect to the mirror, in one
     * transaction, then moves the cursor when one is given. An event seen before (by either route)
     * changes nothing. Applying is idempotent and order-independent: an object keeps its newest
     * version.
     *
     * @return how many events were new
     */
    public int receive(TenantId tenant, String connectionId, List<InboxEvent> events, String via, Instant at,
                       String cursor, Long cursorCreated) {
        requireOwned(tenant, connectionId);
        return jdbi.inTransaction(h -> {
            int fresh = 0;
            for (InboxEvent event : events) {
                int inserted = h.createUpdate("INSERT INTO stripe_events (connection_id, event_id, event_type, created, "
                                + "received_via, received_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                + "ON CONFLICT (connection_id, event_id) DO NOTHING")
                        .bind(0, connectionId).bind(1, event.id()).bind(2, event.type()).bind(3, event.created())
                        .bind(4, via).bind(5, format(at)).bind(6, event.payload()).execute();
                if (inserted == 0) {
                    continue;
                }
                fresh++;
                upsert(h, connectionId, event.effects());
                h.createUpdate("UPDATE stripe_events SET applied_at = ? WHERE connection_id = ? AND event_id = ?")
                        .bind(0, format(at)).bind(1, connectionId).bind(2, event.id()).execute();
            }
            if (cursor != null) {
                updateCursor(h, tenant, connectionId, cursor, cursorCreated);
            }
            return fresh;
        });
    }

    // ---- JSON ----

    private String writePlan(BackfillPlan plan) {
        List<Map<String, Object>> slices = new ArrayList<>();
        for (Slice slice : plan.slices()) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("list", slice.list().name());
            value.put("created_from", slice.createdFrom());
            value.put("created_to", slice.createdTo());
            slices.add(value);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("slices", slices);
        out.put("event_cursor", plan.eventCursor());
        out.put("event_cursor_created", plan.eventCursorCreated());
        return write(out);
    }

    private BackfillPlan readPlan(String text) {
        Map<String, Object> raw = read(text, new TypeReference<>() { });
        List<Slice> slices = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rawSlices = (List<Map<String, Object>>) raw.get("slices");
        for (Map<String, Object> slice : rawSlices) {
            slices.add(new Slice(StripeList.valueOf((String) slice.get("list")), asLong(slice.get("created_from")),
                    asLong(slice.get("created_to"))));
        }
        return new BackfillPlan(slices, (String) raw.get("event_cursor"), asLong(raw.get("event_cursor_created")));
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
