package io.xsell.server.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import io.xsell.server.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** 401 as a problem document, with the challenge RFC 6750 asks for. */
public class ProblemUnauthorizedHandler implements UnauthorizedHandler {
    @Override
    public Response buildResponse(String prefix, String realm) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
                .type(Problem.MEDIA)
                .entity(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized",
                        "a valid API key is required: Authorization: Bearer <api key>"))
                .build();
    }
}
