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
 * data version, so stale entries are never read again (they age out); the version is read from
 * the database on every request, which keeps several server instances consistent.
 */
public class ResponseCache {
    private final TenantRegistry registry;
    private final ObjectMapper mapper;
    private final Cache<Key, byte[]> cache;

    private record Key(TenantId tenant, long dataVersion, String request) {
    }

    /** @param maxBytes bound on the rendered bodies kept, so a few huge segmented answers cannot fill the heap */
    public ResponseCache(TenantRegistry registry, ObjectMapper mapper, long maxBytes) {
        this.registry = registry;
        this.mapper = mapper;
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key key, byte[] body) -> body.length + key.request().length() * 2 + 64)
                .build();
    }

    /**
     * The JSON of {@code body} for this tenant's current data, computed at most once per data
     * version and request (concurrent identical requests wait for the one computation).
     */
    public Response json(TenantId tenant, String request, Supplier<Object> body) {
        long version = registry.dataVersion(tenant);
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

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
