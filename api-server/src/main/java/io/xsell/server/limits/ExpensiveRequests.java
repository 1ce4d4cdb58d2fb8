package io.xsell.server.limits;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The requests whose work grows with a tenant's data: imports, metrics and analytics. */
final class ExpensiveRequests {
    private ExpensiveRequests() {
    }

    static boolean test(ContainerRequestContext request) {
        return query(request) || (path(request).equals("v1/imports") && "POST".equals(request.getMethod()));
    }

    /** The metric and analytics queries: computed from stored data, so stopping one loses nothing. */
    static boolean query(ContainerRequestContext request) {
        String path = path(request);
        return path.startsWith("v1/metrics/") || path.startsWith("v1/analytics/");
    }

    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
