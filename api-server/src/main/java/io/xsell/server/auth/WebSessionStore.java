package io.xsell.server.auth;

import io.xsell.core.model.TenantId;
import java.time.Instant;
import java.util.Optional;

/** Dashboard sessions and one-time login tokens, known only by the SHA-256 hash of their secret. */
public interface WebSessionStore {

    /** What a secret opens. {@code kind} is {@link #SESSION} or {@link #LOGIN_TOKEN}. */
    record StoredSession(String idHash, String kind, TenantId tenant, String keyHash, String csrfToken,
                         Instant createdAt, Instant expiresAt) {
    }

    String SESSION = "session";
    String LOGIN_TOKEN = "login";

    void insert(StoredSession session);

    /** The unexpired entry of this kind whose API key is still active. */
    Optional<StoredSession> findActive(String idHash, String kind, Instant now);

    /** Removes the entry; true when it existed (a one-time token is consumed by whoever removes it). */
    boolean delete(String idHash);

    /** Removes expired entries; returns how many. */
    int deleteExpired(Instant now);
}
