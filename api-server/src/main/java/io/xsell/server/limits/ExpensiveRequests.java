package io.xsell.server.limits;

import jakarta.ws.rs.container.ContainerRequestContext;

/** The requests whose work grows with a tenant's data: imports, metrics, analytics and a summary sent now. */
final class ExpensiveRequests {
    private ExpensiveRequests() {
    }

    static boolean test(ContainerRequestContext request) {
        String path = path(request);
        boolean post = "POST".equals(request.getMethod());
        return query(request) || post && (path.equals("v1/imports")
                || path.startsWith("v1/report-schedules/") && path.endsWith("/send"));
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
