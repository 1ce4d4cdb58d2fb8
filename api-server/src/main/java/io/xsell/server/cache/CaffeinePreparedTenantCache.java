package io.xsell.server.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.out.PreparedTenantCache;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.concurrent.Executor;

/**
 * Prepared tenants within a byte budget. Caffeine weighs each entry by the retained bytes given
 * with it and, past the budget, drops the entries least likely to be used again (its W-TinyLFU
 * policy: least recently used first, protecting the ones asked for often). A tenant larger than
 * the whole budget is not kept at all: it is served, then left to the garbage collector, and no
 * other tenant is dropped for it.
 */
public final class CaffeinePreparedTenantCache<V> implements PreparedTenantCache<V> {
    /** Weights are counted in KiB: Caffeine's weights are ints, and a tenant may hold more than 2 GiB. */
    private static final long UNIT = 1024;

    private final long budgetBytes;
    private final Cache<TenantId, Weighed<V>> cache;

    private record Weighed<V>(V value, int units) {
    }

    public CaffeinePreparedTenantCache(long budgetBytes) {
        this(budgetBytes, null);
    }

    /** @param executor where Caffeine runs its upkeep; {@code Runnable::run} makes eviction immediate (tests) */
    CaffeinePreparedTenantCache(long budgetBytes, Executor executor) {
        if (budgetBytes < UNIT) {
            throw new IllegalArgumentException("the budget of prepared tenants must be at least 1 KiB, was "
                    + budgetBytes + " bytes");
        }
        this.budgetBytes = budgetBytes;
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumWeight(budgetBytes / UNIT);
        if (executor != null) {
            builder.executor(executor);
        }
        this.cache = builder.weigher((TenantId tenant, Weighed<V> entry) -> entry.units()).build();
    }

    @Override
    public Optional<V> find(TenantId tenant) {
        Weighed<V> entry = cache.getIfPresent(tenant);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    @Override
    public void keep(TenantId tenant, V prepared, LongSupplier weight) {
        long retainedBytes = weight.getAsLong();
        if (retainedBytes > budgetBytes) {
            // the earlier value is stale (a new dataset was prepared): free it rather than keep it
            cache.invalidate(tenant);
            return;
        }
        long units = Math.max(1, (retainedBytes + UNIT - 1) / UNIT);
        cache.put(tenant, new Weighed<>(prepared, (int) units));
    }

    /** Bytes of the kept entries, as weighed when kept. */
    public long keptBytes() {
        return cache.policy().eviction().orElseThrow().weightedSize().orElse(0) * UNIT;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    /** Runs pending evictions now; Caffeine otherwise does it soon after a write. */
    void cleanUp() {
        cache.cleanUp();
    }
}
