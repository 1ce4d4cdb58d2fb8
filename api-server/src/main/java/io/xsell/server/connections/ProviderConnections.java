package io.xsell.server.connections;

import io.xsell.server.port.in.ChangeConnectionSettingsUseCase;
import io.xsell.server.port.in.ReadConnectionsQuery;
import io.xsell.server.port.in.SyncConnectionUseCase;

/**
 * One provider's connections behind the shared connection endpoints; {@link ConnectionsService}
 * hands each request to the provider of the connection it names.
 */
public interface ProviderConnections extends ReadConnectionsQuery, ChangeConnectionSettingsUseCase,
        SyncConnectionUseCase {
    /** {@code stripe}, {@code chargebee}: the value of {@code provider} in storage. */
    String provider();
}
