package io.xsell.server.stripe;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.xsell.core.model.InvalidDatasetException;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.ImportTenantDataCommand;
import io.xsell.core.port.in.ImportTenantDataUseCase;
import io.xsell.ingestion.stripe.api.StripeApi;
import io.xsell.ingestion.stripe.api.StripeCallFailedException;
import io.xsell.ingestion.stripe.api.StripeSettings;
import io.xsell.core.model.FxRate;
import io.xsell.ingestion.provider.LineOverride;
import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.stripe.mapping.StripeAccountMapper;
import io.xsell.ingestion.stripe.sync.BackfillPlan;
import io.xsell.ingestion.stripe.sync.DiscountResolver;
import io.xsell.ingestion.stripe.sync.InvoiceLines;
import io.xsell.ingestion.stripe.sync.StripeBackfill;
import io.xsell.ingestion.stripe.sync.StripeEvents;
import io.xsell.ingestion.stripe.sync.StripeRecord;
import io.xsell.ingestion.provider.SyncProgress;
import io.xsell.server.connections.ConnectionClients;
import io.xsell.server.connections.DatasetFingerprint;
import io.xsell.server.connections.MasterKey;
import io.xsell.server.connections.RunOutcome;
import io.xsell.server.connections.SecretBox;
import io.xsell.server.connections.SyncRun;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs connections: a backfill the first time (resumed from its checkpoints if it was cut off),
 * events from the cursor afterwards, a full re-sync when the cursor is older than Stripe keeps
 * events; then the connection's canonical data is rebuilt from the mirror and imported as its own
 * source, all or nothing.
 */
public class StripeSyncService {
    private static final Logger LOG = LoggerFactory.getLogger(StripeSyncService.class);

    private final JdbiStripeStore store;
    private final StripeConfig config;
    private final Supplier<SecretBox> box;
    private final ConnectionClients<StripeApi> clients = new ConnectionClients<>();
    private final ImportTenantDataUseCase imports;
    private final Consumer<TenantId> afterImport;
    private final Clock clock;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> rebuildLocks = new ConcurrentHashMap<>();

    /**
     * @param masterKey the configured master key ({@link io.xsell.server.XsellConfiguration#masterKey()}),
     *                  null for the environment's
     */
    public StripeSyncService(JdbiStripeStore store, StripeConfig config, String masterKey,
                             ImportTenantDataUseCase imports, Consumer<TenantId> afterImport, Clock clock) {
        this.store = store;
        this.config = config;
        this.box = MasterKey.lazy(masterKey);
        this.imports = imports;
        this.afterImport = afterImport;
        this.clock = clock;
    }

    /** @throws MasterKey.MissingException when neither the configuration nor the environment holds one */
    public SecretBox box() {
        return box.get();
    }

    public StripeApi api(String apiKey) {
        StripeSettings settings = new StripeSettings(apiKey, config.getApiBase(),
                StripeSettings.isLiveKey(apiKey) ? config.getLiveModeRate() : config.getTestModeRate(),
                config.getMaxAttempts(), config.getInitialBackoff().toJavaDuration(),
                config.getMaxBackoff().toJavaDuration(), config.getConnectTimeout().toJavaDuration(),
                config.getReadTimeout().toJavaDuration(), 50f, config.getCircuitOpenFor().toJavaDuration());
        return new StripeApi(settings);
    }

    /** Checks the key with one call, then stores the connection with its secrets sealed. */
    public StripeConnection connect(StripeConnection draft, String apiKey, String webhookSecret) {
        SecretBox sealer = box();
        api(apiKey).list("/v1/customers", Map.of("limit", "1"));
        String id = "conn_" + UUID.randomUUID().toString().replace("-", "");
        StripeConnection connection = new StripeConnection(id, draft.tenant(), clock.instant(),
                StripeSettings.isLiveKey(apiKey), apiKey.substring(apiKey.length() - 4), webhookSecret != null,
                draft.reportingCurrency(), draft.lineOverrides(), draft.fxRates(), null, null, null);
        store.insertConnection(connection, sealer.seal(apiKey, id),
                webhookSecret == null ? null : sealer.seal(webhookSecret, id));
        return connection;
    }

    /**
     * Runs one sync of the connection to its end and records it; never throws for a Stripe or data
     * failure (the run records it, and the next sync resumes from the checkpoints).
     */
    public SyncRun sync(String connectionId, SyncProgress progress) {
        synchronized (locks.computeIfAbsent(connectionId, id -> new Object())) {
            StripeConnection connection = store.connection(connectionId)
                    .orElseThrow(() -> new IllegalArgumentException("no Stripe connection '" + connectionId + "'"));
            StripeApi api = api(connection);
            Optional<SyncRun> unfinished = store.unfinishedBackfill(connection.tenant(), connectionId);
            long now = clock.instant().getEpochSecond();
            if (unfinished.isPresent()) {
                store.resumeRun(connection.tenant(), unfinished.get().id());
                return backfill(connection, api, unfinished.get(), progress);
            }
            if (connection.eventCursorCreated() == null) {
                return backfill(connection, api, newRun(connection, "backfill"), progress);
            }
            if (now - connection.eventCursorCreated() > StripeEvents.RETENTION_SECONDS) {
                return backfill(connection, api, newRun(connection, "resync"), progress);
            }
            return incremental(connection, api);
        }
    }

    /** The connection's one client in this process (see {@link ConnectionClients}). */
    StripeApi api(StripeConnection connection) {
        return clients.of(connection.id(),
                () -> api(box().open(store.sealedKey(connection.tenant(), connection.id()), connection.id())));
    }

    private SyncRun newRun(StripeConnection connection, String kind) {
        SyncRun run = new SyncRun("sync_" + UUID.randomUUID().toString().replace("-", ""), connection.id(), kind,
                "running", clock.instant(), null, 0,
                store.lastBackfillSize(connection.tenant(), connection.id()).orElse(null), Map.of(), List.of());
        store.insertRun(connection.tenant(), run);
        return run;
    }

    /** The connection's sync runs, newest first; empty for another tenant's connection. */
    public List<SyncRun> runs(TenantId tenant, String connectionId, int limit) {
        return store.runs(tenant, connectionId, limit);
    }

    /** A run's objects by Stripe type: its own counts, or for a backfill under way its checkpoints'. */
    public Map<String, Long> runCounts(TenantId tenant, SyncRun run) {
        return "incremental".equals(run.kind()) || !"running".equals(run.state()) ? run.counts()
                : store.backfillCounts(tenant, run.id());
    }

    private SyncRun backfill(StripeConnection connection, StripeApi api, SyncRun run, SyncProgress progress) {
        RunOutcome outcome = new RunOutcome();
        try {
            BackfillPlan plan = new StripeBackfill(api, store.backfillStore(connection.tenant(), run.id(),
                    connection.id()), config.getBackfillWorkers(), config.getBackfillSlices(), clock).run(progress);
            store.setEventCursor(connection.tenant(), connection.id(), plan.eventCursor(), plan.eventCursorCreated());
            rebuild(connection, api);
        } catch (StripeCallFailedException | InvalidDatasetException e) {
            outcome.failed(e);
        } catch (InterruptedException e) {
            outcome.interrupted();
        } catch (RuntimeException e) {
            LOG.error("Stripe backfill of connection {} failed", connection.id(), e);
            outcome.unexpected(e);
        }
        Map<String, Long> counts = store.backfillCounts(connection.tenant(), run.id());
        long done = counts.values().stream().mapToLong(Long::longValue).sum();
        return store.shared().finish(connection.tenant(), connection.id(), run.id(), outcome, clock.instant(), done,
                counts);
    }

    private SyncRun incremental(StripeConnection connection, StripeApi api) {
        SyncRun run = newRun(connection, "incremental");
        RunOutcome outcome = new RunOutcome();
        long[] seen = {0, 0};
        try {
            long since = connection.eventCursorCreated();
            new StripeEvents(api).readAfter(connection.eventCursor(), since, (events, cursor, created) -> {
                List<JdbiStripeStore.InboxEvent> inbox = new ArrayList<>();
                for (JsonObject event : events) {
                    inbox.add(inboxEvent(api, event));
                }
                seen[0] += events.size();
                seen[1] += store.receive(connection.tenant(), connection.id(), inbox, "events_api", clock.instant(),
                        cursor, created);
            });
            if (seen[1] > 0) {
                rebuild(store.connection(connection.tenant(), connection.id()).orElseThrow(), api);
            }
        } catch (StripeCallFailedException | InvalidDatasetException e) {
            outcome.failed(e);
        } catch (RuntimeException e) {
            LOG.error("Stripe incremental sync of connection {} failed", connection.id(), e);
            outcome.unexpected(e);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("events", seen[0]);
        counts.put("new_events", seen[1]);
        return store.shared().finish(connection.tenant(), connection.id(), run.id(), outcome, clock.instant(), seen[0],
                counts);
    }

    /** An event as the inbox stores it; an invoice whose lines Stripe cut short is completed first. */
    JdbiStripeStore.InboxEvent inboxEvent(StripeApi api, JsonObject event) {
        Optional<StripeRecord> effect = StripeEvents.record(event);
        if (api != null && effect.isPresent() && !effect.get().deleted()
                && "invoice".equals(effect.get().type().wireName())) {
            JsonObject invoice = event.getAsJsonObject("data").getAsJsonObject("object");
            InvoiceLines.complete(api, invoice);
        }
        return new JdbiStripeStore.InboxEvent(event.get("id").getAsString(), event.get("type").getAsString(),
                event.get("created").getAsLong(), event.toString(), StripeEvents.records(event));
    }

    /**
     * Maps the mirror to canonical data and imports it as the connection's source, unless it is
     * identical to the last import. Bad data (a currency without FX rates, say) leaves the previous
     * data in place and fails the run with the reasons.
     */
    public void rebuild(StripeConnection connection) {
        rebuild(connection, api(connection));
    }

    /**
     * As {@link #rebuild(StripeConnection)}; discount ids the mirror has not seen expanded (event
     * payloads carry ids only) are resolved through {@code api} first, so no coupon is lost.
     */
    private void rebuild(StripeConnection connection, StripeApi api) {
        // one rebuild of a connection at a time in this process: a slower one that read the mirror
        // earlier must not replace the data of a later one
        synchronized (rebuildLocks.computeIfAbsent(connection.id(), id -> new Object())) {
            List<StripeRecord> discounts = new DiscountResolver(api).missing(
                    store.snapshot(connection.tenant(), connection.id()), clock.instant().getEpochSecond());
            if (!discounts.isEmpty()) {
                store.storeObjects(connection.tenant(), connection.id(), discounts);
            }
            importDataset(connection, map(connection));
        }
    }

    private TenantDataset map(StripeConnection connection) {
        return StripeAccountMapper.map(store.snapshot(connection.tenant(), connection.id()),
                new MappingSettings(connection.idPrefix(), connection.reportingCurrency(), connection.lineOverrides(),
                        connection.fxRates()));
    }

    private void importDataset(StripeConnection connection, TenantDataset dataset) {
        var outcome = imports.importTenantData(new ImportTenantDataCommand(connection.tenant(), connection.source(),
                dataset, DatasetFingerprint.of(dataset)));
        if (!outcome.unchanged()) {
            afterImport.accept(connection.tenant());
        }
    }

    /**
     * Replaces the connection's product-line overrides and FX rates. Once the account has been
     * backfilled, its data is mapped again with them first: settings the data cannot be mapped
     * with (a missing rate, say) are refused with the reasons and nothing changes.
     *
     * @throws InvalidDatasetException when the mirrored account cannot be mapped with the new settings
     */
    public StripeConnection updateSettings(StripeConnection connection, Map<String, LineOverride> overrides,
                                           List<FxRate> rates) {
        StripeConnection updated = new StripeConnection(connection.id(), connection.tenant(), connection.createdAt(),
                connection.livemode(), connection.keyHint(), connection.hasWebhookSecret(),
                connection.reportingCurrency(), overrides, rates, connection.eventCursor(),
                connection.eventCursorCreated(), connection.lastSyncedAt());
        synchronized (rebuildLocks.computeIfAbsent(connection.id(), id -> new Object())) {
            TenantDataset dataset = connection.eventCursorCreated() == null ? null : map(updated);
            store.updateSettings(connection.tenant(), connection.id(), overrides, rates);
            if (dataset != null) {
                importDataset(updated, dataset);
            }
        }
        return store.connection(connection.tenant(), connection.id()).orElseThrow();
    }

    public JdbiStripeStore store() {
        return store;
    }

    public StripeConfig config() {
        return config;
    }

    public Instant now() {
        return clock.instant();
    }

}
