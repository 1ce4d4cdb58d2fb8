package io.xsell.server.auth;

import io.xsell.server.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Set;
import ru.vyarus.dropwizard.guice.module.installer.scanner.InvisibleForScanner;

/**
 * Authenticates a /v1 request by its bearer API key (API clients) or, without an Authorization
 * header, by the dashboard's session cookie. A cookie-authenticated request that changes state
 * must also carry the session's CSRF token in {@value #CSRF_HEADER}: another site can make a
 * browser send the cookie, never read the token.
 */
// registered by XsellModule with its collaborators, not found by Guicey's classpath scan
@InvisibleForScanner
@Priority(Priorities.AUTHENTICATION)
public class SessionOrBearerAuthFilter implements ContainerRequestFilter {
    public static final String COOKIE = "xsell_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ContainerRequestFilter bearer;
    private final Provider<WebSessions> sessions;

    public SessionOrBearerAuthFilter(ContainerRequestFilter bearer, Provider<WebSessions> sessions) {
        this.bearer = bearer;
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Cookie cookie = request.getCookies().get(COOKIE);
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null || cookie == null) {
            bearer.filter(request);
            return;
        }
        WebSessions.ActiveSession session = sessions.get().authenticate(cookie.getValue())
                .orElseThrow(() -> new WebApplicationException(new ProblemUnauthorizedHandler().buildResponse("Bearer", "xsell")));
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfMatches(request.getHeaderString(CSRF_HEADER), session)) {
            throw new WebApplicationException(Response.status(Response.Status.FORBIDDEN).type(Problem.MEDIA)
                    .entity(Problem.of(Response.Status.FORBIDDEN, "csrf-token-missing",
                            "a request signed in by the dashboard's cookie must send the session's " + CSRF_HEADER
                                    + " header"))
                    .build());
        }
        TenantPrincipal principal = new TenantPrincipal(session.tenant());
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "session";
            }
        });
    }

    public static boolean csrfMatches(String sent, WebSessions.ActiveSession session) {
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }
}
