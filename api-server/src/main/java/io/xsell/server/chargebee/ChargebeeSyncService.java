package io.xsell.server.chargebee;

import com.google.gson.JsonObject;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.InvalidDatasetException;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.ImportTenantDataCommand;
import io.xsell.core.port.in.ImportTenantDataUseCase;
import io.xsell.ingestion.chargebee.api.ChargebeeApi;
import io.xsell.ingestion.chargebee.api.ChargebeeCallFailedException;
import io.xsell.ingestion.chargebee.api.ChargebeeSettings;
import io.xsell.ingestion.chargebee.mapping.ChargebeeAccountMapper;
import io.xsell.ingestion.chargebee.sync.ChargebeeBackfill;
import io.xsell.ingestion.chargebee.sync.ChargebeeEvents;
import io.xsell.ingestion.chargebee.sync.EventCursor;
import io.xsell.ingestion.provider.LineOverride;
import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.provider.SyncProgress;
import io.xsell.server.connections.ConnectionClients;
import io.xsell.server.connections.Connection;
import io.xsell.server.connections.DatasetFingerprint;
import io.xsell.server.connections.InboxEvent;
import io.xsell.server.connections.JdbiConnectionStore;
import io.xsell.server.connections.RunOutcome;
import io.xsell.server.connections.SecretBox;
import io.xsell.server.connections.SyncRun;
import java.net.URI;
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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs Chargebee connections over the provider-neutral store: a backfill the first time (resumed
 * from its offsets if it was cut off), the Events API from the cursor afterwards; then the
 * connection's canonical data is rebuilt from the mirror and imported as its own source, all or
 * nothing.
 */
public class ChargebeeSyncService {
    public static final String PROVIDER = "chargebee";
    /** Chargebee site names: letters, digits and hyphens (the sub-domain of {@code chargebee.com}). */
    private static final Pattern SITE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Logger LOG = LoggerFactory.getLogger(ChargebeeSyncService.class);

    private final JdbiConnectionStore store;
    private final Supplier<SecretBox> box;
    private final ConnectionClients<ChargebeeApi> clients = new ConnectionClients<>();
    private final Function<String, URI> apiBase;
    private final double requestsPerSecond;
    private final ImportTenantDataUseCase imports;
    private final Consumer<TenantId> afterImport;
    private final Clock clock;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param apiBase           the API base of a site (Chargebee's {@code https://{site}.chargebee.com}; a double in tests)
     * @param requestsPerSecond the rate limit of calls to one site
     */
    public ChargebeeSyncService(JdbiConnectionStore store, Supplier<SecretBox> box, Function<String, URI> apiBase,
                                double requestsPerSecond, ImportTenantDataUseCase imports,
                                Consumer<TenantId> afterImport, Clock clock) {
        this.store = store;
        this.box = box;
        this.apiBase = apiBase;
        this.requestsPerSecond = requestsPerSecond;
        this.imports = imports;
        this.afterImport = afterImport;
        this.clock = clock;
    }

    public JdbiConnectionStore store() {
        return store;
    }

    public Instant now() {
        return clock.instant();
    }

    public ChargebeeApi api(String site, String apiKey) {
        return new ChargebeeApi(ChargebeeSettings.defaults(site, apiKey, apiBase.apply(site)).withRate(requestsPerSecond));
    }

    /**
     * Checks the key with one call, then stores the connection with its key and webhook credentials
     * sealed.
     *
     * @throws IllegalArgumentException naming the field when the site or the webhook credentials are malformed
     */
    public Connection connect(TenantId tenant, String site, String apiKey, String webhookUsername,
                              String webhookPassword, String reportingCurrency, Map<String, LineOverride> overrides,
                              List<FxRate> rates) {
        if (site == null || !SITE.matcher(site).matches()) {
            throw new IllegalArgumentException("site: a Chargebee site name (lower-case letters, digits, hyphens; "
                    + "at most 63), as in https://{site}.chargebee.com");
        }
        if ((webhookUsername == null) != (webhookPassword == null)) {
            throw new IllegalArgumentException("webhook_username and webhook_password: give both or neither");
        }
        if (webhookUsername != null && webhookUsername.contains(":")) {
            throw new IllegalArgumentException("webhook_username: must not contain ':' (HTTP basic auth)");
        }
        SecretBox sealer = box.get();
        api(site, apiKey).checkKey();
        String id = "conn_" + UUID.randomUUID().toString().replace("-", "");
        Connection connection = new Connection(id, tenant, PROVIDER, site, clock.instant(), true,
                apiKey.substring(Math.max(0, apiKey.length() - 4)), webhookUsername != null, reportingCurrency,
                overrides, rates, null, null, null);
        store.insertConnection(connection, sealer.seal(apiKey, id),
                webhookUsername == null ? null : sealer.seal(webhookUsername + ":" + webhookPassword, id));
        return connection;
    }

    /** The tenant's Chargebee connection; empty for another tenant's or another provider's. */
    public Optional<Connection> connection(TenantId tenant, String id) {
        return store.connection(tenant, id).filter(c -> PROVIDER.equals(c.provider()));
    }

    /** The one lookup without a tenant: the scheduler, the {@code sync} command and webhooks start from an id. */
    public Optional<Connection> connection(String id) {
        return store.connection(id).filter(c -> PROVIDER.equals(c.provider()));
    }

    /** The connection's one client in this process (see {@link ConnectionClients}). */
    ChargebeeApi api(Connection connection) {
        return clients.of(connection.id(), () -> api(connection.account(),
                box.get().open(store.sealedKey(connection.tenant(), connection.id()), connection.id())));
    }

    /** The webhook credentials as {@code username:password}; empty when none were given. */
    Optional<String> webhookCredentials(Connection connection) {
        return store.sealedWebhookSecret(connection.tenant(), connection.id())
                .map(sealed -> box.get().open(sealed, connection.id()));
    }

    /**
     * Runs one sync of the connection to its end and records it; never throws for a Chargebee or
     * data failure (the run records it, and the next sync resumes from the checkpoints).
     */
    public SyncRun sync(String connectionId, SyncProgress progress) {
        synchronized (locks.computeIfAbsent(connectionId, id -> new Object())) {
            Connection connection = connection(connectionId)
                    .orElseThrow(() -> new IllegalArgumentException("no Chargebee connection '" + connectionId + "'"));
            ChargebeeApi api = api(connection);
            Optional<SyncRun> unfinished = store.unfinishedBackfill(connection.tenant(), connectionId);
            if (unfinished.isPresent()) {
                store.resumeRun(connection.tenant(), unfinished.get().id());
                return backfill(connection, api, unfinished.get(), progress);
            }
            if (connection.eventCursorCreated() == null) {
                return backfill(connection, api, newRun(connection, "backfill"), progress);
            }
            return incremental(connection, api);
        }
    }

    private SyncRun newRun(Connection connection, String kind) {
        SyncRun run = new SyncRun("sync_" + UUID.randomUUID().toString().replace("-", ""), connection.id(), kind,
                "running", clock.instant(), null, 0,
                store.lastBackfillSize(connection.tenant(), connection.id()).orElse(null), Map.of(), List.of());
        store.insertRun(connection.tenant(), run);
        return run;
    }

    private SyncRun backfill(Connection connection, ChargebeeApi api, SyncRun run, SyncProgress progress) {
        RunOutcome outcome = new RunOutcome();
        try {
            EventCursor cursor = new ChargebeeBackfill(api, store.offsetCheckpoints(connection.tenant(),
                    connection.id(), run.id()), clock).run(progress);
            store.setEventCursor(connection.tenant(), connection.id(), cursor.lastEventId(), cursor.occurredAt());
            rebuild(connection);
        } catch (ChargebeeCallFailedException | InvalidDatasetException e) {
            outcome.failed(e);
        } catch (InterruptedException e) {
            outcome.interrupted();
        } catch (RuntimeException e) {
            LOG.error("Chargebee backfill of connection {} failed", connection.id(), e);
            outcome.unexpected(e);
        }
        Map<String, Long> counts = backfillCounts(connection.tenant(), run.id());
        long done = counts.values().stream().mapToLong(Long::longValue).sum();
        return store.finish(connection.tenant(), connection.id(), run.id(), outcome, clock.instant(), done,
                counts);
    }

    /** Objects stored per Chargebee list by a backfill run, from its checkpoints. */
    public Map<String, Long> backfillCounts(TenantId tenant, String runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JdbiConnectionStore.Checkpoint c : store.checkpoints(tenant, runId)) {
            if (!ChargebeeBackfill.STARTED.equals(c.key())) {
                counts.merge(c.key(), c.objects(), Long::sum);
            }
        }
        return counts;
    }

    private SyncRun incremental(Connection connection, ChargebeeApi api) {
        SyncRun run = newRun(connection, "incremental");
        RunOutcome outcome = new RunOutcome();
        long[] seen = {0, 0};
        try {
            new ChargebeeEvents(api).readAfter(new EventCursor(connection.eventCursorCreated(),
                    connection.eventCursor()), (events, next) -> {
                seen[0] += events.size();
                seen[1] += store.receive(connection.tenant(), connection.id(), inbox(events), "events_api",
                        clock.instant(), next.lastEventId(), next.occurredAt());
            });
            if (seen[1] > 0) {
                rebuild(connection(connection.tenant(), connection.id()).orElseThrow());
            }
        } catch (ChargebeeCallFailedException | InvalidDatasetException e) {
            outcome.failed(e);
        } catch (RuntimeException e) {
            LOG.error("Chargebee incremental sync of connection {} failed", connection.id(), e);
            outcome.unexpected(e);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("events", seen[0]);
        counts.put("new_events", seen[1]);
        return store.finish(connection.tenant(), connection.id(), run.id(), outcome, clock.instant(), seen[0],
                counts);
    }

    /** Events as the inbox stores them: the API's own copy, with what each changes in the mirror. */
    static List<InboxEvent> inbox(List<JsonObject> events) {
        List<InboxEvent> out = new ArrayList<>(events.size());
        for (JsonObject event : events) {
            String type = event.has("event_type") ? event.get("event_type").getAsString() : "unknown";
            out.add(new InboxEvent(ChargebeeEvents.id(event), type, ChargebeeEvents.occurredAt(event),
                    event.toString(), ChargebeeEvents.records(event)));
        }
        return out;
    }

    /**
     * Maps the mirror to canonical data and imports it as the connection's source, unless it is
     * identical to the last import. Bad data leaves the previous data in place.
     */
    public void rebuild(Connection connection) {
        synchronized (locks.computeIfAbsent("rebuild:" + connection.id(), id -> new Object())) {
            importDataset(connection, map(connection));
        }
    }

    private TenantDataset map(Connection connection) {
        return ChargebeeAccountMapper.map(type -> store.records(connection.tenant(), connection.id(), type),
                new MappingSettings(connection.idPrefix(), connection.reportingCurrency(), connection.lineOverrides(),
                        connection.fxRates()));
    }

    private void importDataset(Connection connection, TenantDataset dataset) {
        var outcome = imports.importTenantData(new ImportTenantDataCommand(connection.tenant(), connection.source(),
                dataset, DatasetFingerprint.of(dataset)));
        if (!outcome.unchanged()) {
            afterImport.accept(connection.tenant());
        }
    }

    /**
     * Replaces the connection's product-line overrides and FX rates; once backfilled, the account is
     * mapped again with them first and settings it cannot be mapped with are refused, nothing changed.
     *
     * @throws InvalidDatasetException when the mirrored account cannot be mapped with the new settings
     */
    public Connection updateSettings(Connection connection, Map<String, LineOverride> overrides, List<FxRate> rates) {
        Connection updated = connection.withSettings(overrides, rates);
        synchronized (locks.computeIfAbsent("rebuild:" + connection.id(), id -> new Object())) {
            TenantDataset dataset = connection.eventCursorCreated() == null ? null : map(updated);
            store.updateSettings(connection.tenant(), connection.id(), overrides, rates);
            if (dataset != null) {
                importDataset(updated, dataset);
            }
        }
        return connection(connection.tenant(), connection.id()).orElseThrow();
    }
}
