package io.xsell.server.limits;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The requests whose work grows with a tenant's data: imports, metrics and analytics. */
final class ExpensiveRequests {
    private ExpensiveRequests() {
    }

    static boolean test(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.startsWith("v1/metrics/") || trimmed.startsWith("v1/analytics/")
                || (trimmed.equals("v1/imports") && "POST".equals(request.getMethod()));
    }
}
