package io.xsell.server.engagement;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.xsell.core.model.TenantId;
import io.xsell.server.persistence.JdbiEngagementStore;
import java.time.Duration;

/**
 * Each tenant's engagement version, the part of the response-cache key that batches posted to the
 * API change (imports change the data version, which the cache keys on already). Read at most once
 * per {@code ttl}, like the data version, and forgotten at once when this instance stores a batch.
 */
public class EngagementVersions {
    private final JdbiEngagementStore store;
    private final Cache<TenantId, Long> versions;

    public EngagementVersions(JdbiEngagementStore store, Duration ttl) {
        this.store = store;
        this.versions = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    public long current(TenantId tenant) {
        return versions.get(tenant, store::engagementVersion);
    }

    public void changed(TenantId tenant) {
        versions.invalidate(tenant);
    }
}
