package io.xsell.core.port.in;

import io.xsell.core.model.DisplayNames;
import io.xsell.core.model.TenantId;

/** The names a tenant's reports and answers show beside ids. */
public interface DisplayNamesUseCase {

    /** The tenant's mapping (set through the API) over the line names of its imported products. */
    DisplayNames displayNames(TenantId tenant);
}
