package io.xsell.core.service;

import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;

/**
 * The heap a prepared tenant (its dataset and the ledger priced from it) holds on to, for the
 * memory budget of kept tenants. It is an estimate from record counts, calibrated against the heap
 * measured after a full collection with and without prepared tenants of generated data
 * (docs/performance.md, "Tenants in memory", gives the command and the measured error). It counts
 * per customer and per billed line (subscription item or one-time charge), the two counts the
 * object graph grows with; products and exchange rates are few.
 */
final class PreparedTenantSize {
    // Least-squares fit on a 100k-customer account loaded from the database, all its billed lines,
    // every other one and every fourth (2026-12-04: 131 and 231 bytes), rounded up by about 5 %
    // so that the budget errs on the side of free heap.
    /** Customer object, its id and attributes map, its slot in the ledger's per-customer arrays. */
    static final long BYTES_PER_CUSTOMER = 140;
    /** Item or charge object, its strings and decimals, and its priced counterpart in the ledger. */
    static final long BYTES_PER_LINE = 240;
    static final long BYTES_FIXED = 16_384;

    private PreparedTenantSize() {
    }

    static long estimate(TenantDataset dataset, MrrLedger ledger) {
        long customers = Math.max(dataset.customers().size(), ledger.customerCount());
        long lines = (long) dataset.items().size() + dataset.charges().size();
        return BYTES_FIXED + customers * BYTES_PER_CUSTOMER + lines * BYTES_PER_LINE;
    }
}
