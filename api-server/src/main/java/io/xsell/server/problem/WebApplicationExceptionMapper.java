package io.xsell.server.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Jersey's own errors (404, 405, 406, 415, ...) as problem documents, keeping their headers. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (Problem.MEDIA.isCompatible(original.getMediaType())) {
            return original;
        }
        Response.StatusType status = original.getStatusInfo();
        Problem problem = Problem.of(status.getStatusCode(), status.getReasonPhrase(),
                status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                exception.getMessage(), null);
        Response.ResponseBuilder builder = Response.status(status.getStatusCode()).type(Problem.MEDIA).entity(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }
}
