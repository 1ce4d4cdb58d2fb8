package io.xsell.server.auth;

import io.xsell.core.model.TenantId;
import io.xsell.server.auth.WebSessionStore.StoredSession;
import io.xsell.server.tenant.Tenant;
import io.xsell.server.tenant.TenantRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Dashboard sign-in: an API key is exchanged once for a random session id (sent back as an
 * HttpOnly cookie), the key itself never reaches the browser's storage. Sessions expire after
 * {@link #SESSION_LIFETIME} and end at once when the key they were opened with is rotated or
 * revoked. A one-time login token (printed by {@code demo}) is exchanged for a session and gone.
 */
public class WebSessions {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final Duration LOGIN_TOKEN_LIFETIME = Duration.ofHours(24);

    /** A signed-in browser: its tenant and the token it must echo on state-changing requests. */
    public record ActiveSession(TenantId tenant, String tenantName, String currency, String csrfToken,
                                Instant expiresAt) {
    }

    /** A new session: the secret for the cookie, and what it opens. */
    public record OpenedSession(String sessionId, ActiveSession session) {
    }

    private final WebSessionStore store;
    private final TenantRegistry tenants;
    private final Clock clock;

    public WebSessions(WebSessionStore store, TenantRegistry tenants, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A session for an active API key; empty for an unknown or revoked key. */
    public Optional<OpenedSession> signIn(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        String keyHash = ApiKeys.hash(apiKey.strip());
        return tenants.tenantForKeyHash(keyHash).map(tenant -> open(tenant, keyHash));
    }

    /** A one-time login token for the tenant of an active API key, valid {@link #LOGIN_TOKEN_LIFETIME}. */
    public String issueLoginToken(String apiKey) {
        String keyHash = ApiKeys.hash(apiKey);
        TenantId tenant = tenants.tenantForKeyHash(keyHash)
                .orElseThrow(() -> new IllegalArgumentException("not an active API key"));
        String token = ApiKeys.randomToken();
        Instant now = clock.instant();
        store.insert(new StoredSession(ApiKeys.hash(token), WebSessionStore.LOGIN_TOKEN, tenant, keyHash,
                ApiKeys.randomToken(), now, now.plus(LOGIN_TOKEN_LIFETIME)));
        return token;
    }

    /** Exchanges a login token for a session; the token works once. */
    public Optional<OpenedSession> exchangeLoginToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(token);
        return store.findActive(hash, WebSessionStore.LOGIN_TOKEN, clock.instant())
                .filter(found -> store.delete(hash))
                .map(found -> open(found.tenant(), found.keyHash()));
    }

    public Optional<ActiveSession> authenticate(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        return store.findActive(ApiKeys.hash(sessionId), WebSessionStore.SESSION, clock.instant()).flatMap(this::view);
    }

    public void signOut(String sessionId) {
        if (sessionId != null && !sessionId.isBlank()) {
            store.delete(ApiKeys.hash(sessionId));
        }
    }

    private OpenedSession open(TenantId tenant, String keyHash) {
        Instant now = clock.instant();
        store.deleteExpired(now);
        String id = ApiKeys.randomToken();
        StoredSession stored = new StoredSession(ApiKeys.hash(id), WebSessionStore.SESSION, tenant, keyHash,
                ApiKeys.randomToken(), now, now.plus(SESSION_LIFETIME));
        store.insert(stored);
        return new OpenedSession(id, view(stored).orElseThrow());
    }

    private Optional<ActiveSession> view(StoredSession s) {
        return tenants.findById(s.tenant()).map((Tenant t) -> new ActiveSession(t.id(), t.name(), t.reportingCurrency(),
                s.csrfToken(), s.expiresAt()));
    }
}
