package io.xsell.core.port.out;

import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import java.util.Optional;

/**
 * Durable copies of prepared tenants (a dataset and the ledger priced from it), so that a restarted
 * process can answer without pricing again. An adapter restores a copy only for the data version it
 * was made from and only when it is intact; anything else is ignored and the tenant priced as usual.
 */
public interface PreparedTenantSnapshots {

    /**
     * The ledger restored together with this very dataset instance (the one the load port handed
     * out), if the dataset came from a snapshot; empty otherwise, and the caller prices it.
     */
    Optional<Restored> restoredLedger(TenantId tenant, TenantDataset dataset);

    /**
     * A ledger from a snapshot, with the heap the prepared tenant retained when it was saved (its
     * {@code retainedBytes()}), so that the caller need not walk a million rows again to weigh it.
     */
    record Restored(MrrLedger ledger, long retainedBytes) {
    }

    /**
     * The tenant's dataset was just priced into {@code ledger}: the adapter may save a copy, off the
     * caller's thread (the caller is answering a query or preparing one).
     */
    void prepared(TenantId tenant, TenantDataset dataset, MrrLedger ledger);

    /** Keeps no copies: for processes that never restart into the same data (command line, tests). */
    static PreparedTenantSnapshots none() {
        return new PreparedTenantSnapshots() {
            @Override
            public Optional<Restored> restoredLedger(TenantId tenant, TenantDataset dataset) {
                return Optional.empty();
            }

            @Override
            public void prepared(TenantId tenant, TenantDataset dataset, MrrLedger ledger) {
                // nothing kept
            }
        };
    }
}
