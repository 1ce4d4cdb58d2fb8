package io.xsell.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.xsell.core.engagement.RejectedBatchException;
import io.xsell.core.engagement.RowError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * 422 listing every bad value of a rejected batch, each with the row's {@code index} in the
 * batch's array (from 0; absent for a problem of the body itself) and its {@code field}.
 */
@Provider
public class RejectedBatchExceptionMapper implements ExceptionMapper<RejectedBatchException> {

    /** A problem document whose errors point into a JSON array rather than a file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchProblem(String type, String title, int status, String detail, List<Error> errors) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(Integer index, String field, String message) {
    }

    @Override
    public Response toResponse(RejectedBatchException exception) {
        List<Error> errors = exception.errors().stream().map(RejectedBatchExceptionMapper::toError).toList();
        BatchProblem problem = new BatchProblem("https://xsell.io/problems/invalid-batch", "Unprocessable Content", 422,
                "the batch has " + errors.size() + " error(s); nothing was stored", errors);
        return Response.status(422).type(Problem.MEDIA).entity(problem).build();
    }

    private static Error toError(RowError error) {
        return new Error(error.index() >= 0 ? error.index() : null, error.field(), error.message());
    }
}
