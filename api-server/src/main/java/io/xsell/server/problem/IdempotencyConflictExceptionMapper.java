package io.xsell.server.problem;

import io.xsell.core.engagement.IdempotencyConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** 422 for an idempotency key reused with a different batch (the IETF idempotency-key draft's answer). */
@Provider
public class IdempotencyConflictExceptionMapper implements ExceptionMapper<IdempotencyConflictException> {
    @Override
    public Response toResponse(IdempotencyConflictException exception) {
        return Problem.of(422, "Unprocessable Content", "idempotency-key-reused", exception.getMessage()
                        + "; nothing was stored. Use a new key for a new batch.",
                List.of(Problem.FieldError.parameter("Idempotency-Key", "already used for another batch"))).toResponse();
    }
}
