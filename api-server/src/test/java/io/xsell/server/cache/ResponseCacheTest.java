package io.xsell.server.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xsell.core.model.TenantId;
import io.xsell.server.tenant.TenantRegistry;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
    private static final TenantId TENANT = new TenantId("t1");

    private final AtomicLong storedVersion = new AtomicLong(1);
    private final AtomicInteger versionReads = new AtomicInteger();
    private final AtomicInteger renders = new AtomicInteger();

    /** A registry whose only answer is the stored data version, counting how often it is asked. */
    private TenantRegistry registry() {
        return (TenantRegistry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TenantRegistry.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("dataVersion")) {
                        versionReads.incrementAndGet();
                        return storedVersion.get();
                    }
                    throw new AssertionError("the cache must only ask for the data version, not " + method.getName());
                });
    }

    private Response get(ResponseCache cache) {
        return cache.json(TENANT, "cross-sell", () -> Map.of("render", renders.incrementAndGet()));
    }

    @Test
    void readsTheVersionOncePerTtlAndRendersOncePerVersion() {
        ResponseCache cache = new ResponseCache(registry(), new ObjectMapper(), 1 << 20, Duration.ofHours(1));

        get(cache);
        get(cache);
        Response third = get(cache);

        assertThat(versionReads).hasValue(1);
        assertThat(renders).hasValue(1);
        assertThat(third.getHeaderString("X-Data-Version")).isEqualTo("1");
    }

    @Test
    void aLocalChangeIsSeenAtOnce() {
        ResponseCache cache = new ResponseCache(registry(), new ObjectMapper(), 1 << 20, Duration.ofHours(1));
        get(cache);

        storedVersion.set(2);
        cache.dataChanged(TENANT);
        Response after = get(cache);

        assertThat(after.getHeaderString("X-Data-Version")).isEqualTo("2");
        assertThat(renders).hasValue(2);
    }

    @Test
    void anotherInstancesChangeIsSeenOnceTheTtlPassed() throws InterruptedException {
        ResponseCache cache = new ResponseCache(registry(), new ObjectMapper(), 1 << 20, Duration.ofMillis(50));
        get(cache);

        storedVersion.set(2);
        Thread.sleep(120);

        assertThat(get(cache).getHeaderString("X-Data-Version")).isEqualTo("2");
    }
}
