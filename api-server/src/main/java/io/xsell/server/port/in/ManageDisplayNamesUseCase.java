package io.xsell.server.port.in;

import io.xsell.core.model.DisplayNames;
import io.xsell.core.model.TenantId;

/** A tenant's own mapping of product line ids and segment values to display names. */
public interface ManageDisplayNamesUseCase {

    /** The mapping as the tenant last set it; empty when it set none. */
    DisplayNames mapping(TenantId tenant);

    /**
     * Replaces the tenant's whole mapping (an empty one removes it); answers and reports show the
     * new names from then on. The names must satisfy {@link DisplayNames#problems}.
     */
    DisplayNames replaceMapping(TenantId tenant, DisplayNames names);
}
