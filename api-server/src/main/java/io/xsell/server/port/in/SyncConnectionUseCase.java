package io.xsell.server.port.in;

import io.xsell.core.model.TenantId;
import java.util.Optional;

/** Asks for a sync of a connection now rather than at its next scheduled time. */
public interface SyncConnectionUseCase {
    /**
     * @return empty when the tenant has no such connection; false when a sync is running right now
     *         (the next follows at the usual interval)
     */
    Optional<Boolean> syncNow(TenantId tenant, String connectionId);
}
