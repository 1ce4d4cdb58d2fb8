package io.xsell.server.problem;

import io.xsell.core.model.WorkCancelledException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Work stopped at the request's time limit: expected, not an error to log with a trace.
 * {@link io.xsell.server.limits.RequestDeadline} words the answer with the limit.
 */
@Provider
public class WorkCancelledExceptionMapper implements ExceptionMapper<WorkCancelledException> {
    @Override
    public Response toResponse(WorkCancelledException exception) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "request-timeout",
                "the request ran past the server's time limit and was stopped").toResponse();
    }
}
