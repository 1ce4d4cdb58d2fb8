package io.xsell.server.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unforeseen: logged with an id the client can quote, answered without internals. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String id = UUID.randomUUID().toString();
        LOG.error("Unexpected error {}", id, exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "an unexpected error occurred; quote " + id + " when reporting it").toResponse();
    }
}
