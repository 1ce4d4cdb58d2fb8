package io.xsell.core.port.out;

import io.xsell.core.model.EngagementData;
import io.xsell.core.model.TenantId;

/** Supplies a tenant's campaigns, touchpoints and usage events from every source. */
public interface LoadEngagementDataPort {

    /**
     * Everything the tenant has; the same instance for as long as nothing changed, which lets
     * callers cache what they derive from it.
     */
    EngagementData loadEngagementData(TenantId tenant);
}
