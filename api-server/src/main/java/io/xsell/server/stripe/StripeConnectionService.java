package io.xsell.server.stripe;

import io.xsell.server.connections.MasterKey;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.xsell.core.model.TenantId;
import io.xsell.ingestion.stripe.api.StripeCallFailedException;
import io.xsell.ingestion.provider.LineOverride;
import io.xsell.server.port.in.ChangeConnectionSettingsCommand;
import io.xsell.server.connections.ProviderConnections;
import io.xsell.server.port.in.ConnectStripeCommand;
import io.xsell.server.port.in.ConnectStripeUseCase;
import io.xsell.server.port.in.ConnectionFailedException;
import io.xsell.server.port.in.ConnectionView;
import io.xsell.server.port.in.ProductLineOverride;
import io.xsell.server.port.in.SyncRunView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Stripe connection use cases: connecting, reading, changing settings and asking for a sync,
 * over {@link StripeSyncService}, its store and each connection's scheduled {@link StripeSyncTask}.
 */
public class StripeConnectionService implements ConnectStripeUseCase, ProviderConnections {
    private final StripeSyncService stripe;
    private final SchedulerClient scheduler;

    public StripeConnectionService(StripeSyncService stripe, SchedulerClient scheduler) {
        this.stripe = stripe;
        this.scheduler = scheduler;
    }

    @Override
    public String provider() {
        return JdbiStripeStore.PROVIDER;
    }

    @Override
    public ConnectionView connect(ConnectStripeCommand command) {
        StripeConnection connection;
        try {
            connection = stripe.connect(new StripeConnection(null, command.tenant(), null, false, null, false,
                    command.reportingCurrency(), overrides(command.productLines()), command.fxRates(), null, null,
                    null), command.apiKey(), command.webhookSecret());
        } catch (MasterKey.MissingException e) {
            throw new ConnectionFailedException(ConnectionFailedException.Reason.NO_MASTER_KEY, 0, e.getMessage(), e);
        } catch (StripeCallFailedException e) {
            throw new ConnectionFailedException(e.isKeyRefused() ? ConnectionFailedException.Reason.KEY_REFUSED
                    : ConnectionFailedException.Reason.PROVIDER_UNAVAILABLE, e.status(), e.getMessage(), e);
        }
        scheduler.scheduleIfNotExists(StripeSyncTask.instance(connection.id()), stripe.now());
        return view(connection);
    }

    @Override
    public List<ConnectionView> connections(TenantId tenant) {
        return stripe.store().connections(tenant).stream().map(StripeConnectionService::view).toList();
    }

    @Override
    public Optional<ConnectionView> connection(TenantId tenant, String connectionId) {
        return find(tenant, connectionId).map(StripeConnectionService::view);
    }

    @Override
    public List<SyncRunView> syncRuns(TenantId tenant, String connectionId, int limit) {
        if (find(tenant, connectionId).isEmpty()) {
            return List.of();
        }
        return stripe.runs(tenant, connectionId, limit).stream().map(run -> {
            Map<String, Long> counts = stripe.runCounts(tenant, run);
            return new SyncRunView(run.id(), run.kind(), run.state(), run.startedAt(), run.finishedAt(),
                    run.objectsDone(), run.objectsEstimated(), counts, run.errors());
        }).toList();
    }

    @Override
    public Optional<ConnectionView> changeSettings(ChangeConnectionSettingsCommand command) {
        return find(command.tenant(), command.connectionId()).map(connection -> view(stripe.updateSettings(connection,
                command.productLines() == null ? connection.lineOverrides() : overrides(command.productLines()),
                command.fxRates() == null ? connection.fxRates() : command.fxRates())));
    }

    @Override
    public Optional<Boolean> syncNow(TenantId tenant, String connectionId) {
        if (find(tenant, connectionId).isEmpty()) {
            return Optional.empty();
        }
        if (scheduler.scheduleIfNotExists(StripeSyncTask.instance(connectionId), stripe.now())) {
            return Optional.of(true);
        }
        try {
            scheduler.reschedule(StripeSyncTask.instance(connectionId), stripe.now());
            return Optional.of(true);
        } catch (RuntimeException running) {
            // the sync is running right now: its next run follows at the usual interval
            return Optional.of(false);
        }
    }

    private Optional<StripeConnection> find(TenantId tenant, String connectionId) {
        return stripe.store().connection(tenant, connectionId);
    }

    private static Map<String, LineOverride> overrides(Map<String, ProductLineOverride> lines) {
        Map<String, LineOverride> overrides = new LinkedHashMap<>();
        lines.forEach((product, line) -> overrides.put(product, new LineOverride(line.productLine(), line.kind())));
        return overrides;
    }

    static ConnectionView view(StripeConnection connection) {
        Map<String, ProductLineOverride> lines = new LinkedHashMap<>();
        connection.lineOverrides().forEach((product, override) ->
                lines.put(product, new ProductLineOverride(override.productLine(), override.kind())));
        return new ConnectionView(connection.id(), connection.tenant(), "stripe", connection.createdAt(),
                connection.livemode(), connection.keyHint(), connection.hasWebhookSecret(),
                connection.reportingCurrency(), lines, connection.fxRates().size(), connection.lastSyncedAt(), null);
    }
}
