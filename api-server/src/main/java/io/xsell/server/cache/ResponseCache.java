package io.xsell.server.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.xsell.core.model.TenantId;
import io.xsell.server.tenant.TenantRegistry;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Rendered metric responses, per tenant and data version. Any import or sync raises the tenant's
 * data version, so stale entries are never read again (they age out). The version itself is read
 * from the database at most once per {@code versionTtl} per tenant, and forgotten at once when
 * this instance changes the tenant's data ({@link #dataChanged}): another instance sharing the
 * database sees a change within {@code versionTtl}, and the database is spared a query per request.
 */
public class ResponseCache {
    private final TenantRegistry registry;
    private final ObjectMapper mapper;
    private final Cache<Key, byte[]> cache;
    private final Cache<TenantId, Long> versions;

    private record Key(TenantId tenant, long dataVersion, String request) {
    }

    /** @param maxBytes bound on the rendered bodies kept, so a few huge segmented answers cannot fill the heap */
    public ResponseCache(TenantRegistry registry, ObjectMapper mapper, long maxBytes, java.time.Duration versionTtl) {
        this.registry = registry;
        this.mapper = mapper;
        this.versions = Caffeine.newBuilder().expireAfterWrite(versionTtl).maximumSize(100_000).build();
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key key, byte[] body) -> body.length + key.request().length() * 2 + 64)
                .build();
    }

    /**
     * The JSON of {@code body} for this tenant's current data, computed at most once per data
     * version and request (concurrent identical requests wait for the one computation).
     */
    public Response json(TenantId tenant, String request, Supplier<Object> body) {
        long version = versions.get(tenant, registry::dataVersion);
        byte[] json = cache.get(new Key(tenant, version, request), key -> render(body.get()));
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header("X-Data-Version", version).build();
    }

    private byte[] render(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This instance changed the tenant's data: read its version afresh on the next request. */
    public void dataChanged(TenantId tenant) {
        versions.invalidate(tenant);
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
