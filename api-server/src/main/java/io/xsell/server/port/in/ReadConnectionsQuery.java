package io.xsell.server.port.in;

import io.xsell.core.model.TenantId;
import java.util.List;
import java.util.Optional;

/** A tenant's connections and their sync runs; another tenant's connection is never found. */
public interface ReadConnectionsQuery {
    /** Oldest first. */
    List<ConnectionView> connections(TenantId tenant);

    Optional<ConnectionView> connection(TenantId tenant, String connectionId);

    /** The connection's runs, newest first; empty when the tenant has no such connection. */
    List<SyncRunView> syncRuns(TenantId tenant, String connectionId, int limit);
}
