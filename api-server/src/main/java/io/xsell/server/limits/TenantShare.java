package io.xsell.server.limits;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Duration;

/**
 * A tenant's share of the machine: at most {@link #CONCURRENT_PER_TENANT} of its expensive requests
 * (imports, metrics, analytics) run at once, one Resilience4j bulkhead per tenant. A further one waits up
 * to {@link #MAX_WAIT} for a place, then is answered with 503 and {@code Retry-After}, so one tenant's burst of heavy requests cannot
 * take every core and thread from the others. Cheap requests (listings, batches, schedules) are not
 * counted. Runs after authentication, so the tenant is known.
 */
@Provider
@Singleton
@Priority(Priorities.AUTHORIZATION + 10)
public class TenantShare implements ContainerRequestFilter, ContainerResponseFilter {
    /** Expensive requests of one tenant that may run at the same time. */
    public static final int CONCURRENT_PER_TENANT = 2;
    /**
     * How long a further one waits for a place before it is refused: a dashboard page asks for
     * several panels at once, and those must queue behind each other, not fail.
     */
    public static final Duration MAX_WAIT = Duration.ofSeconds(20);
    private static final String HELD = TenantShare.class.getName();

    private final BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
            .maxConcurrentCalls(CONCURRENT_PER_TENANT)
            .maxWaitDuration(MAX_WAIT)
            .build());

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof TenantPrincipal tenant) || !expensive(request)) {
            return;
        }
        Bulkhead bulkhead = bulkheads.bulkhead(tenant.tenant().value());
        if (!bulkhead.tryAcquirePermission()) {
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(Problem.of(503, "Service Unavailable",
                            "tenant-busy", "this tenant already has " + CONCURRENT_PER_TENANT + " imports, metric or "
                                    + "analytics requests running; retry when one has finished", null).toResponse())
                    .header("Retry-After", "1").build());
            return;
        }
        request.setProperty(HELD, bulkhead);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(HELD) instanceof Bulkhead bulkhead) {
            request.removeProperty(HELD);
            bulkhead.onComplete();
        }
    }

    private static boolean expensive(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.startsWith("v1/metrics/") || trimmed.startsWith("v1/analytics/")
                || (trimmed.equals("v1/imports") && "POST".equals(request.getMethod()));
    }
}
