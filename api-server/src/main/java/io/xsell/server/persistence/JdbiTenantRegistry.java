package io.xsell.server.persistence;

import io.xsell.core.model.TenantId;
import io.xsell.server.tenant.ApiKeyInfo;
import io.xsell.server.tenant.Tenant;
import io.xsell.server.tenant.TenantExistsException;
import io.xsell.server.tenant.TenantRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Tenants and API keys in the {@code tenants} and {@code api_keys} tables. */
public final class JdbiTenantRegistry implements TenantRegistry {
    private static final String TENANT_COLUMNS = "SELECT id, name, reporting_currency, created_at FROM tenants";

    private final Jdbi jdbi;

    public JdbiTenantRegistry(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void create(Tenant tenant) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO tenants (id, name, reporting_currency, created_at, "
                            + "data_version) VALUES (?, ?, ?, ?, 0)")
                    .bind(0, tenant.id().value())
                    .bind(1, tenant.name())
                    .bind(2, tenant.reportingCurrency())
                    .bind(3, Timestamps.format(tenant.createdAt()))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            // the violated constraint is named differently by each dialect; asking again is portable
            if (SqlErrors.isUniqueViolation(e) && findByName(tenant.name()).isPresent()) {
                throw new TenantExistsException(tenant.name());
            }
            throw e;
        }
    }

    @Override
    public List<Tenant> list() {
        return jdbi.withHandle(h -> h.createQuery(TENANT_COLUMNS + " ORDER BY name")
                .map((rs, ctx) -> tenant(rs))
                .list());
    }

    @Override
    public Optional<Tenant> findByName(String name) {
        return jdbi.withHandle(h -> h.createQuery(TENANT_COLUMNS + " WHERE name = ?")
                .bind(0, name)
                .map((rs, ctx) -> tenant(rs))
                .findOne());
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return jdbi.withHandle(h -> h.createQuery(TENANT_COLUMNS + " WHERE id = ?")
                .bind(0, id.value())
                .map((rs, ctx) -> tenant(rs))
                .findOne());
    }

    @Override
    public void addKey(TenantId tenant, String keyHash, String keyPrefix, Instant createdAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_keys (key_hash, key_prefix, tenant_id, created_at) "
                        + "VALUES (?, ?, ?, ?)")
                .bind(0, keyHash)
                .bind(1, keyPrefix)
                .bind(2, tenant.value())
                .bind(3, Timestamps.format(createdAt))
                .execute());
    }

    @Override
    public int revokeAllKeys(TenantId tenant, Instant revokedAt) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE api_keys SET revoked_at = ? "
                        + "WHERE tenant_id = ? AND revoked_at IS NULL")
                .bind(0, Timestamps.format(revokedAt))
                .bind(1, tenant.value())
                .execute());
    }

    @Override
    public boolean revokeKey(TenantId tenant, String keyPrefix, Instant revokedAt) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE api_keys SET revoked_at = ? "
                        + "WHERE tenant_id = ? AND key_prefix = ? AND revoked_at IS NULL")
                .bind(0, Timestamps.format(revokedAt))
                .bind(1, tenant.value())
                .bind(2, keyPrefix)
                .execute()) > 0;
    }

    @Override
    public List<ApiKeyInfo> keys(TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT key_prefix, created_at, revoked_at FROM api_keys "
                        + "WHERE tenant_id = ? ORDER BY created_at, key_prefix")
                .bind(0, tenant.value())
                .map((rs, ctx) -> new ApiKeyInfo(rs.getString(1), Timestamps.parse(rs.getString(2)),
                        Timestamps.parse(rs.getString(3))))
                .list());
    }

    @Override
    public Optional<TenantId> tenantForKeyHash(String keyHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT tenant_id FROM api_keys "
                        + "WHERE key_hash = ? AND revoked_at IS NULL")
                .bind(0, keyHash)
                .map((rs, ctx) -> new TenantId(rs.getString(1)))
                .findOne());
    }

    /** @throws IllegalArgumentException when there is no such tenant */
    @Override
    public long dataVersion(TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT data_version FROM tenants WHERE id = ?")
                .bind(0, tenant.value())
                .mapTo(Long.class)
                .findOne())
                .orElseThrow(() -> new IllegalArgumentException("unknown tenant '" + tenant + "'"));
    }

    private static Tenant tenant(ResultSet rs) throws SQLException {
        return new Tenant(new TenantId(rs.getString(1)), rs.getString(2), rs.getString(3),
                Timestamps.parse(rs.getString(4)));
    }
}
