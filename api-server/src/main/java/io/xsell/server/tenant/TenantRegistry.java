package io.xsell.server.tenant;

import io.xsell.core.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tenants and their API keys, as stored. Keys are known only by their SHA-256 hash. */
public interface TenantRegistry {

    /** @throws TenantExistsException when the name is taken */
    void create(Tenant tenant);

    List<Tenant> list();

    Optional<Tenant> findByName(String name);

    Optional<Tenant> findById(TenantId id);

    /** The reporting currency of a tenant that exists (an authenticated caller's own). */
    default String reportingCurrency(TenantId id) {
        return findById(id).map(Tenant::reportingCurrency)
                .orElseThrow(() -> new IllegalStateException("no tenant " + id));
    }

    void addKey(TenantId tenant, String keyHash, String keyPrefix, Instant createdAt);

    /** Revokes every active key of the tenant; returns how many were revoked. */
    int revokeAllKeys(TenantId tenant, Instant revokedAt);

    /** Revokes the tenant's active key with this prefix; false when there is none. */
    boolean revokeKey(TenantId tenant, String keyPrefix, Instant revokedAt);

    List<ApiKeyInfo> keys(TenantId tenant);

    /** The tenant owning the active key with this hash. */
    Optional<TenantId> tenantForKeyHash(String keyHash);

    /** The tenant's data version: 0 before any data, raised by every import or sync. */
    long dataVersion(TenantId tenant);
}
