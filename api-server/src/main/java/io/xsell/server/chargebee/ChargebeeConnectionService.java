package io.xsell.server.chargebee;

import io.xsell.server.connections.MasterKey;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.xsell.core.model.TenantId;
import io.xsell.ingestion.chargebee.api.ChargebeeCallFailedException;
import io.xsell.ingestion.provider.LineOverride;
import io.xsell.server.connections.Connection;
import io.xsell.server.connections.ProviderConnections;
import io.xsell.server.port.in.ChangeConnectionSettingsCommand;
import io.xsell.server.port.in.ConnectChargebeeCommand;
import io.xsell.server.port.in.ConnectChargebeeUseCase;
import io.xsell.server.port.in.ConnectionFailedException;
import io.xsell.server.port.in.ConnectionView;
import io.xsell.server.port.in.ProductLineOverride;
import io.xsell.server.port.in.SyncRunView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Chargebee connection use cases over {@link ChargebeeSyncService} and each connection's {@link ChargebeeSyncTask}. */
public class ChargebeeConnectionService implements ConnectChargebeeUseCase, ProviderConnections {
    private final ChargebeeSyncService chargebee;
    private final SchedulerClient scheduler;

    public ChargebeeConnectionService(ChargebeeSyncService chargebee, SchedulerClient scheduler) {
        this.chargebee = chargebee;
        this.scheduler = scheduler;
    }

    @Override
    public String provider() {
        return ChargebeeSyncService.PROVIDER;
    }

    @Override
    public ConnectionView connect(ConnectChargebeeCommand command) {
        Connection connection;
        try {
            connection = chargebee.connect(command.tenant(), command.site(), command.apiKey(),
                    command.webhookUsername(), command.webhookPassword(), command.reportingCurrency(),
                    overrides(command.productLines()), command.fxRates());
        } catch (MasterKey.MissingException e) {
            throw new ConnectionFailedException(ConnectionFailedException.Reason.NO_MASTER_KEY, 0, e.getMessage(), e);
        } catch (ChargebeeCallFailedException e) {
            throw new ConnectionFailedException(e.isKeyRefused() ? ConnectionFailedException.Reason.KEY_REFUSED
                    : ConnectionFailedException.Reason.PROVIDER_UNAVAILABLE, e.status(), e.getMessage(), e);
        }
        scheduler.scheduleIfNotExists(ChargebeeSyncTask.instance(connection.id()), chargebee.now());
        return view(connection);
    }

    @Override
    public List<ConnectionView> connections(TenantId tenant) {
        return chargebee.store().connections(tenant).stream().filter(c -> provider().equals(c.provider()))
                .map(ChargebeeConnectionService::view).toList();
    }

    @Override
    public Optional<ConnectionView> connection(TenantId tenant, String connectionId) {
        return chargebee.connection(tenant, connectionId).map(ChargebeeConnectionService::view);
    }

    @Override
    public List<SyncRunView> syncRuns(TenantId tenant, String connectionId, int limit) {
        if (chargebee.connection(tenant, connectionId).isEmpty()) {
            return List.of();
        }
        return chargebee.store().runs(tenant, connectionId, limit).stream().map(run -> {
            Map<String, Long> counts = "incremental".equals(run.kind()) || !"running".equals(run.state())
                    ? run.counts() : chargebee.backfillCounts(tenant, run.id());
            return new SyncRunView(run.id(), run.kind(), run.state(), run.startedAt(), run.finishedAt(),
                    run.objectsDone(), run.objectsEstimated(), counts, run.errors());
        }).toList();
    }

    @Override
    public Optional<ConnectionView> changeSettings(ChangeConnectionSettingsCommand command) {
        return chargebee.connection(command.tenant(), command.connectionId()).map(connection ->
                view(chargebee.updateSettings(connection,
                        command.productLines() == null ? connection.lineOverrides() : overrides(command.productLines()),
                        command.fxRates() == null ? connection.fxRates() : command.fxRates())));
    }

    @Override
    public Optional<Boolean> syncNow(TenantId tenant, String connectionId) {
        if (chargebee.connection(tenant, connectionId).isEmpty()) {
            return Optional.empty();
        }
        if (scheduler.scheduleIfNotExists(ChargebeeSyncTask.instance(connectionId), chargebee.now())) {
            return Optional.of(true);
        }
        try {
            scheduler.reschedule(ChargebeeSyncTask.instance(connectionId), chargebee.now());
            return Optional.of(true);
        } catch (RuntimeException running) {
            // the sync is running right now: its next run follows at the usual interval
            return Optional.of(false);
        }
    }

    private static Map<String, LineOverride> overrides(Map<String, ProductLineOverride> lines) {
        Map<String, LineOverride> overrides = new LinkedHashMap<>();
        lines.forEach((product, line) -> overrides.put(product, new LineOverride(line.productLine(), line.kind())));
        return overrides;
    }

    static ConnectionView view(Connection connection) {
        Map<String, ProductLineOverride> lines = new LinkedHashMap<>();
        connection.lineOverrides().forEach((product, override) ->
                lines.put(product, new ProductLineOverride(override.productLine(), override.kind())));
        return new ConnectionView(connection.id(), connection.tenant(), connection.provider(), connection.createdAt(),
                connection.livemode(), connection.keyHint(), connection.hasWebhookSecret(),
                connection.reportingCurrency(), lines, connection.fxRates().size(), connection.lastSyncedAt(),
                connection.account());
    }
}
