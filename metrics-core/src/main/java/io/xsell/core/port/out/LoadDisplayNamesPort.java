package io.xsell.core.port.out;

import io.xsell.core.model.DisplayNames;
import io.xsell.core.model.TenantId;

/** A tenant's own mapping of ids to display names; empty when it set none. */
public interface LoadDisplayNamesPort {

    DisplayNames loadDisplayNames(TenantId tenant);
}
