package io.xsell.server.connections;

import io.xsell.core.model.TenantId;
import io.xsell.server.port.in.ChangeConnectionSettingsCommand;
import io.xsell.server.port.in.ChangeConnectionSettingsUseCase;
import io.xsell.server.port.in.ConnectionView;
import io.xsell.server.port.in.ReadConnectionsQuery;
import io.xsell.server.port.in.SyncConnectionUseCase;
import io.xsell.server.port.in.SyncRunView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The shared connection endpoints' use cases for every provider: a connection is looked up by the
 * tenant and id, and the request goes to its provider. Another tenant's connection is not found.
 */
public class ConnectionsService implements ReadConnectionsQuery, ChangeConnectionSettingsUseCase,
        SyncConnectionUseCase {
    private final JdbiConnectionStore store;
    private final Map<String, ProviderConnections> providers;

    public ConnectionsService(JdbiConnectionStore store, Set<ProviderConnections> providers) {
        this.store = store;
        this.providers = providers.stream().collect(Collectors.toMap(ProviderConnections::provider,
                Function.identity()));
    }

    private Optional<ProviderConnections> provider(TenantId tenant, String connectionId) {
        return store.connection(tenant, connectionId).map(c -> providers.get(c.provider()));
    }

    @Override
    public List<ConnectionView> connections(TenantId tenant) {
        List<ConnectionView> all = new ArrayList<>();
        providers.values().forEach(p -> all.addAll(p.connections(tenant)));
        all.sort(Comparator.comparing(ConnectionView::createdAt).thenComparing(ConnectionView::id));
        return all;
    }

    @Override
    public Optional<ConnectionView> connection(TenantId tenant, String connectionId) {
        return provider(tenant, connectionId).flatMap(p -> p.connection(tenant, connectionId));
    }

    @Override
    public List<SyncRunView> syncRuns(TenantId tenant, String connectionId, int limit) {
        return provider(tenant, connectionId).map(p -> p.syncRuns(tenant, connectionId, limit)).orElse(List.of());
    }

    @Override
    public Optional<ConnectionView> changeSettings(ChangeConnectionSettingsCommand command) {
        return provider(command.tenant(), command.connectionId()).flatMap(p -> p.changeSettings(command));
    }

    @Override
    public Optional<Boolean> syncNow(TenantId tenant, String connectionId) {
        return provider(tenant, connectionId).flatMap(p -> p.syncNow(tenant, connectionId));
    }
}
