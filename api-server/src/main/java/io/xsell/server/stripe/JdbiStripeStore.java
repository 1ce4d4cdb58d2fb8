package io.xsell.server.stripe;

import com.fasterxml.jackson.core.type.TypeReference;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.TenantId;
import io.xsell.ingestion.provider.LineOverride;
import io.xsell.ingestion.provider.ProviderRecord;
import io.xsell.ingestion.stripe.StripeObjectType;
import io.xsell.ingestion.stripe.StripeSnapshot;
import io.xsell.ingestion.stripe.sync.BackfillPlan;
import io.xsell.ingestion.stripe.sync.BackfillStore;
import io.xsell.ingestion.stripe.sync.Slice;
import io.xsell.ingestion.stripe.sync.SliceState;
import io.xsell.ingestion.stripe.sync.StripeList;
import io.xsell.ingestion.stripe.sync.StripeRecord;
import io.xsell.server.connections.Connection;
import io.xsell.server.connections.JdbiConnectionStore;
import io.xsell.server.connections.SyncRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Stripe's view of the provider-neutral {@link JdbiConnectionStore}: Stripe connections, the
 * sliced backfill plan and its checkpoints, Stripe records in the mirror and the event inbox.
 * Only what is Stripe's lives here; the rows are the shared ones.
 */
public final class JdbiStripeStore {
    static final String PROVIDER = "stripe";

    private final JdbiConnectionStore store;

    public JdbiStripeStore(Jdbi jdbi) {
        this(new JdbiConnectionStore(jdbi));
    }

    public JdbiStripeStore(JdbiConnectionStore store) {
        this.store = store;
    }

    public JdbiConnectionStore shared() {
        return store;
    }

    // ---- connections ----

    public void insertConnection(StripeConnection connection, String sealedKey, String sealedWebhookSecret) {
        store.insertConnection(new Connection(connection.id(), connection.tenant(), PROVIDER, null,
                connection.createdAt(), connection.livemode(), connection.keyHint(), connection.hasWebhookSecret(),
                connection.reportingCurrency(), connection.lineOverrides(), connection.fxRates(),
                connection.eventCursor(), connection.eventCursorCreated(), connection.lastSyncedAt()),
                sealedKey, sealedWebhookSecret);
    }

    /** The tenant's Stripe connection; empty for another tenant's or another provider's. */
    public Optional<StripeConnection> connection(TenantId tenant, String id) {
        return store.connection(tenant, id).flatMap(JdbiStripeStore::stripe);
    }

    /** The one lookup without a tenant (see {@link JdbiConnectionStore#connection(String)}). */
    public Optional<StripeConnection> connection(String id) {
        return store.connection(id).flatMap(JdbiStripeStore::stripe);
    }

    public List<StripeConnection> connections(TenantId tenant) {
        return store.connections(tenant).stream().flatMap(c -> stripe(c).stream()).toList();
    }

    static Optional<StripeConnection> stripe(Connection c) {
        if (!PROVIDER.equals(c.provider())) {
            return Optional.empty();
        }
        return Optional.of(new StripeConnection(c.id(), c.tenant(), c.createdAt(), c.livemode(), c.keyHint(),
                c.hasWebhookSecret(), c.reportingCurrency(), c.lineOverrides(), c.fxRates(), c.eventCursor(),
                c.eventCursorCreated(), c.lastSyncedAt()));
    }

    public void updateSettings(TenantId tenant, String connectionId, Map<String, LineOverride> overrides,
                               List<FxRate> rates) {
        store.updateSettings(tenant, connectionId, overrides, rates);
    }

    public String sealedKey(TenantId tenant, String connectionId) {
        return store.sealedKey(tenant, connectionId);
    }

    public Optional<String> sealedWebhookSecret(TenantId tenant, String connectionId) {
        return store.sealedWebhookSecret(tenant, connectionId);
    }

    public void setEventCursor(TenantId tenant, String connectionId, String cursor, long created) {
        store.setEventCursor(tenant, connectionId, cursor, created);
    }

    public void markSynced(TenantId tenant, String connectionId, Instant at) {
        store.markSynced(tenant, connectionId, at);
    }

    // ---- runs ----

    public void insertRun(TenantId tenant, SyncRun run) {
        store.insertRun(tenant, run);
    }

    public void finishRun(TenantId tenant, String runId, String state, Instant finishedAt, long objectsDone,
                          Map<String, Long> counts, List<String> errors) {
        store.finishRun(tenant, runId, state, finishedAt, objectsDone, counts, errors);
    }

    /** Newest first. */
    public List<SyncRun> runs(TenantId tenant, String connectionId, int limit) {
        return store.runs(tenant, connectionId, limit);
    }

    public Optional<SyncRun> run(TenantId tenant, String runId) {
        return store.run(tenant, runId);
    }

    public Optional<SyncRun> unfinishedBackfill(TenantId tenant, String connectionId) {
        return store.unfinishedBackfill(tenant, connectionId);
    }

    public void resumeRun(TenantId tenant, String runId) {
        store.resumeRun(tenant, runId);
    }

    public Optional<Long> lastBackfillSize(TenantId tenant, String connectionId) {
        return store.lastBackfillSize(tenant, connectionId);
    }

    // ---- backfill checkpoints and objects ----

    /** The checkpoints of one backfill run, stored with the objects they guard. */
    public BackfillStore backfillStore(TenantId tenant, String runId, String connectionId) {
        return new BackfillStore() {
            @Override
            public Optional<ResumePoint> resumePoint() {
                String plan = store.plan(tenant, runId);
                if (plan == null) {
                    return Optional.empty();
                }
                BackfillPlan parsed = readPlan(plan);
                Map<String, Slice> byKey = new LinkedHashMap<>();
                parsed.slices().forEach(s -> byKey.put(s.key(), s));
                List<SliceState> states = store.checkpoints(tenant, runId).stream()
                        .map(c -> new SliceState(byKey.get(c.key()), c.cursor(), c.done(), c.objects())).toList();
                return Optional.of(new ResumePoint(parsed, states));
            }

            @Override
            public void startPlan(BackfillPlan plan) {
                store.startPlan(tenant, connectionId, runId, writePlan(plan),
                        plan.slices().stream().map(Slice::key).toList());
            }

            @Override
            public void savePage(SliceState after, List<StripeRecord> records) {
                // the objects Stripe listed, not the items and discounts derived from them
                long listed = records.stream().filter(r -> r.type() == after.slice().list().type()).count();
                store.savePage(tenant, connectionId, runId, new JdbiConnectionStore.Checkpoint(after.slice().key(),
                        after.cursor(), after.done(), after.objects()), listed, neutral(records));
            }
        };
    }

    /** Objects stored per Stripe type by a backfill run, from its checkpoints. */
    public Map<String, Long> backfillCounts(TenantId tenant, String runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JdbiConnectionStore.Checkpoint c : store.checkpoints(tenant, runId)) {
            counts.merge(StripeList.valueOf(c.key().substring(0, c.key().indexOf(':'))).type().wireName(),
                    c.objects(), Long::sum);
        }
        return counts;
    }

    static List<ProviderRecord> neutral(List<StripeRecord> records) {
        List<ProviderRecord> out = new ArrayList<>(records.size());
        for (StripeRecord r : records) {
            out.add(new ProviderRecord(r.type().wireName(), r.id(), r.version(), r.deleted() ? "{}" : r.json(),
                    r.deleted()));
        }
        return out;
    }

    /** Stores objects of the tenant's connection, newest version kept (discounts fetched for ids, say). */
    public void storeObjects(TenantId tenant, String connectionId, List<StripeRecord> records) {
        store.storeObjects(tenant, connectionId, neutral(records));
    }

    /** The connection's mirrored objects, streamed from the database type by type. */
    public StripeSnapshot snapshot(TenantId tenant, String connectionId) {
        return (StripeObjectType type, java.util.function.Consumer<String> consumer) ->
                store.payloads(tenant, connectionId, type.wireName(), consumer);
    }

    // ---- event inbox ----

    /** A Stripe event as received: stored, de-duplicated by id, before it is applied. */
    public record InboxEvent(String id, String type, long created, String payload, List<StripeRecord> effects) {
    }

    /** See {@link JdbiConnectionStore#receive}. */
    public int receive(TenantId tenant, String connectionId, List<InboxEvent> events, String via, Instant at,
                       String cursor, Long cursorCreated) {
        List<io.xsell.server.connections.InboxEvent> neutral = events.stream()
                .map(e -> new io.xsell.server.connections.InboxEvent(e.id(), e.type(), e.created(), e.payload(),
                        neutral(e.effects())))
                .toList();
        return store.receive(tenant, connectionId, neutral, via, at, cursor, cursorCreated);
    }

    // ---- the plan, as JSON ----

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
        return store.write(out);
    }

    private BackfillPlan readPlan(String text) {
        Map<String, Object> raw = store.read(text, new TypeReference<>() { });
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
}
