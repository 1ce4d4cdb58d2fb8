package io.xsell.core.port.out;

import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;

/** Supplies a tenant's billing data in the canonical model (from storage, a CSV folder, ...). */
public interface LoadTenantDataPort {

    /** The tenant's whole dataset; empty when nothing was loaded yet. */
    TenantDataset loadTenantData(TenantId tenant);
}
