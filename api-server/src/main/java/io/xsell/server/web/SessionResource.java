package io.xsell.server.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.xsell.server.auth.SessionOrBearerAuthFilter;
import io.xsell.server.auth.SignInThrottle;
import io.xsell.server.auth.WebSessions;
import io.xsell.server.problem.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's sign-in: {@code POST /web/session} exchanges an API key for a session cookie,
 * {@code GET /web/session} tells the page its tenant, currency and CSRF token,
 * {@code DELETE /web/session} signs out, and {@code GET /web/login?token=} exchanges the one-time
 * link {@code demo} prints.
 */
@Hidden
@Path("/web")
public class SessionResource {
    private final WebSessions sessions;
    private final SignInThrottle throttle;

    @Inject
    public SessionResource(WebSessions sessions, SignInThrottle throttle) {
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @POST
    @Path("/session")
    @Produces(MediaType.APPLICATION_JSON)
    public Response signIn(@FormParam("api_key") String apiKey, @Context HttpServletRequest request) {
        String client = request.getRemoteAddr();
        Optional<java.time.Duration> wait = throttle.waitFor(client);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return Response.status(429).header("Retry-After", seconds).type(Problem.MEDIA)
                    .entity(Problem.of(429, "Too Many Requests", "sign-in-throttled",
                            "too many failed sign-ins from this address: try again in " + seconds + " s", null))
                    .build();
        }
        Optional<WebSessions.OpenedSession> opened = sessions.signIn(apiKey);
        if (opened.isEmpty()) {
            throttle.failed(client);
            return Response.status(Response.Status.UNAUTHORIZED).type(Problem.MEDIA)
                    .entity(Problem.of(Response.Status.UNAUTHORIZED, "unknown-api-key",
                            "this API key is not valid: it is mistyped, revoked or rotated "
                                    + "(`xsell.jar tenant rotate-key NAME` issues a new one)"))
                    .build();
        }
        throttle.succeeded(client);
        return Response.ok(view(opened.get().session()))
                .header("Set-Cookie", cookie(opened.get().sessionId(), request.isSecure())).build();
    }

    @GET
    @Path("/session")
    @Produces(MediaType.APPLICATION_JSON)
    public Response current(@CookieParam(SessionOrBearerAuthFilter.COOKIE) String sessionId) {
        return sessions.authenticate(sessionId)
                .map(s -> Response.ok(view(s)).header("Cache-Control", "no-store").build())
                .orElseGet(() -> Response.status(Response.Status.UNAUTHORIZED).type(Problem.MEDIA)
                        .entity(Problem.of(Response.Status.UNAUTHORIZED, "not-signed-in", "sign in with an API key"))
                        .build());
    }

    @DELETE
    @Path("/session")
    public Response signOut(@CookieParam(SessionOrBearerAuthFilter.COOKIE) String sessionId,
                            @HeaderParam(SessionOrBearerAuthFilter.CSRF_HEADER) String csrf,
                            @Context HttpServletRequest request) {
        Optional<WebSessions.ActiveSession> session = sessions.authenticate(sessionId);
        if (session.isPresent() && !SessionOrBearerAuthFilter.csrfMatches(csrf, session.get())) {
            return Response.status(Response.Status.FORBIDDEN).type(Problem.MEDIA)
                    .entity(Problem.of(Response.Status.FORBIDDEN, "csrf-token-missing",
                            "sign-out must send the session's " + SessionOrBearerAuthFilter.CSRF_HEADER + " header"))
                    .build();
        }
        sessions.signOut(sessionId);
        return Response.noContent().header("Set-Cookie", cookie("", request.isSecure()) + "; Max-Age=0").build();
    }

    @GET
    @Path("/login")
    public Response exchange(@QueryParam("token") String token, @Context HttpServletRequest request) {
        return sessions.exchangeLoginToken(token)
                .map(opened -> Response.seeOther(URI.create("/web/"))
                        .header("Set-Cookie", cookie(opened.sessionId(), request.isSecure())).build())
                .orElseGet(() -> Response.seeOther(URI.create("/web/sign-in.html?expired=1")).build());
    }

    private static Map<String, Object> view(WebSessions.ActiveSession s) {
        return Map.of("tenant", s.tenantName(), "currency", s.currency(), "csrf_token", s.csrfToken(),
                "expires_at", s.expiresAt().toString());
    }

    /** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over TLS. */
    private static String cookie(String value, boolean secure) {
        return SessionOrBearerAuthFilter.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
                + (value.isEmpty() ? "" : "; Max-Age=" + WebSessions.SESSION_LIFETIME.toSeconds())
                + (secure ? "; Secure" : "");
    }
}
