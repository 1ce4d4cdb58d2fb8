package io.xsell.server.limits;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * A tenant's share of the machine: at most {@code limits.concurrentPerTenant} of its expensive requests
 * (imports, metrics, analytics, a summary sent now) run at once, one Resilience4j bulkhead per tenant. A further one waits up
 * to {@code limits.maxWait} for a place (a dashboard page asks for several panels at once, and those must
 * queue behind each other, not fail), then is answered with 503 and {@code Retry-After}, so one tenant's
 * burst of heavy requests cannot take every core and thread from the others. Cheap requests (listings,
 * batches, schedules) are not counted. Runs after authentication, so the tenant is known.
 */
@Provider
@Singleton
@Priority(Priorities.AUTHORIZATION + 10)
public class TenantShare implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String HELD = TenantShare.class.getName();

    private final int concurrentPerTenant;
    private final BulkheadRegistry bulkheads;

    @Inject
    public TenantShare(XsellConfiguration configuration) {
        LimitsConfig limits = configuration.getLimits();
        this.concurrentPerTenant = limits.getConcurrentPerTenant();
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(concurrentPerTenant)
                .maxWaitDuration(limits.getMaxWait().toJavaDuration())
                .build());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null
                : request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof TenantPrincipal tenant) || !ExpensiveRequests.test(request)) {
            return;
        }
        Bulkhead bulkhead = bulkheads.bulkhead(tenant.tenant().value());
        if (!bulkhead.tryAcquirePermission()) {
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(Problem.of(503, "Service Unavailable",
                            "tenant-busy", "this tenant already has " + concurrentPerTenant + " imports, metric or "
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
}
