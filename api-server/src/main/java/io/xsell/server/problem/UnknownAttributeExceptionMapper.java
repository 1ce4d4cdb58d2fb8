package io.xsell.server.problem;

import io.xsell.core.metrics.UnknownAttributeException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Segmentation on an attribute no customer has: the client named a wrong {@code segment_by}. */
@Provider
public class UnknownAttributeExceptionMapper implements ExceptionMapper<UnknownAttributeException> {
    @Override
    public Response toResponse(UnknownAttributeException exception) {
        return ProblemException.badParameter("segment_by", exception.getMessage()).problem().toResponse();
    }
}
