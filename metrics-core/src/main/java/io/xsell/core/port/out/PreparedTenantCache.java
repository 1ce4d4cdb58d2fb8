package io.xsell.core.port.out;

import io.xsell.core.model.TenantId;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Keeps what was prepared for a tenant (its dataset priced into a ledger) within a memory budget.
 * A kept value may be dropped at any time to make room for others, so callers always know how to
 * prepare it again; a value larger than the whole budget is simply not kept. The server's adapter
 * weighs values by their retained bytes and drops the least recently used first.
 *
 * @param <V> what is prepared per tenant
 */
public interface PreparedTenantCache<V> {

    /** What was kept for the tenant, if it is still there; counts as a use of it. */
    Optional<V> find(TenantId tenant);

    /**
     * Keeps the value for the tenant in place of any earlier one.
     *
     * @param retainedBytes heap the value holds on to (what dropping it would free); asked at most
     *                      once, and only by a cache that weighs its values: the walk over a large
     *                      tenant's objects takes about a second
     */
    void keep(TenantId tenant, V prepared, LongSupplier retainedBytes);

    /**
     * Keeps every tenant's latest value without a bound: for a process over a known, small set of
     * tenants (the command line, tests), never for the server.
     */
    static <V> PreparedTenantCache<V> unbounded() {
        java.util.Map<TenantId, V> kept = new java.util.concurrent.ConcurrentHashMap<>();
        return new PreparedTenantCache<>() {
            @Override
            public Optional<V> find(TenantId tenant) {
                return Optional.ofNullable(kept.get(tenant));
            }

            @Override
            public void keep(TenantId tenant, V prepared, LongSupplier retainedBytes) {
                kept.put(tenant, prepared); // not weighed: nothing is ever dropped
            }
        };
    }
}
