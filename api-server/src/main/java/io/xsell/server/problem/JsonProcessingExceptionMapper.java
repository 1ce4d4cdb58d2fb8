package io.xsell.server.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not the JSON expected. */
@Provider
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException exception) {
        return Problem.of(Response.Status.BAD_REQUEST, "malformed-json",
                "the request body is not valid JSON: " + exception.getOriginalMessage()).toResponse();
    }
}
