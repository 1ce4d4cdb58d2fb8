package io.xsell.server.problem;

import io.xsell.ingestion.csv.ImportError;
import io.xsell.ingestion.csv.ImportValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** 422 listing every error of a rejected import, each with its file, line and column. */
@Provider
public class ImportValidationExceptionMapper implements ExceptionMapper<ImportValidationException> {
    @Override
    public Response toResponse(ImportValidationException exception) {
        List<Problem.FieldError> errors = exception.errors().stream().map(ImportValidationExceptionMapper::toField).toList();
        return Problem.of(422, "Unprocessable Content", "invalid-import",
                "the import has " + errors.size() + " error(s); nothing was stored", errors).toResponse();
    }

    private static Problem.FieldError toField(ImportError error) {
        return new Problem.FieldError(error.file(), error.line() > 0 ? error.line() : null, error.column(),
                error.message());
    }
}
