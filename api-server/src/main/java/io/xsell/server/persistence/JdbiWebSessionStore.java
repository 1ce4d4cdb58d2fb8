package io.xsell.server.persistence;

import io.xsell.core.model.TenantId;
import io.xsell.server.auth.WebSessionStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Dashboard sessions in the {@code web_sessions} table. */
public final class JdbiWebSessionStore implements WebSessionStore {
    private final Jdbi jdbi;

    public JdbiWebSessionStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void insert(StoredSession s) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO web_sessions (id_hash, kind, tenant_id, key_hash, csrf_token, "
                        + "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .bind(0, s.idHash()).bind(1, s.kind()).bind(2, s.tenant().value()).bind(3, s.keyHash())
                .bind(4, s.csrfToken()).bind(5, Timestamps.format(s.createdAt())).bind(6, Timestamps.format(s.expiresAt()))
                .execute());
    }

    @Override
    public Optional<StoredSession> findActive(String idHash, String kind, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT s.id_hash, s.kind, s.tenant_id, s.key_hash, s.csrf_token, "
                        + "s.created_at, s.expires_at FROM web_sessions s JOIN api_keys k ON k.key_hash = s.key_hash "
                        + "WHERE s.id_hash = ? AND s.kind = ? AND s.expires_at > ? AND k.revoked_at IS NULL "
                        + "AND k.tenant_id = s.tenant_id")
                .bind(0, idHash).bind(1, kind).bind(2, Timestamps.format(now))
                .map((rs, ctx) -> new StoredSession(rs.getString(1), rs.getString(2), new TenantId(rs.getString(3)),
                        rs.getString(4), rs.getString(5), Timestamps.parse(rs.getString(6)),
                        Timestamps.parse(rs.getString(7))))
                .findOne());
    }

    @Override
    public boolean delete(String idHash) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM web_sessions WHERE id_hash = ?").bind(0, idHash).execute()) > 0;
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM web_sessions WHERE expires_at <= ?")
                .bind(0, Timestamps.format(now)).execute());
    }
}
