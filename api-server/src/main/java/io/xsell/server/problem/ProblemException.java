package io.xsell.server.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Thrown by resources to answer with a problem document. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 400 naming the offending query parameter. */
    public static ProblemException badParameter(String name, String message) {
        return new ProblemException(Problem.of(400, "Bad Request", "invalid-parameter", name + ": " + message,
                List.of(Problem.FieldError.parameter(name, message))));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", detail));
    }
}
