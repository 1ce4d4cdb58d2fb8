package io.xsell.server.tenant;

import io.xsell.core.model.TenantId;
import io.xsell.server.auth.ApiKeys;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What an operator does with tenants: create them, issue, rotate and revoke their API keys.
 * A key is shown once, when it is issued; only its hash is stored.
 */
public final class TenantAdministration {
    private final TenantRegistry registry;
    private final Clock clock;

    /** A newly issued key with its tenant; the only moment the key itself exists outside the client. */
    public record IssuedKey(Tenant tenant, String apiKey) {
    }

    /** A tenant with how many of its keys are valid. */
    public record TenantSummary(Tenant tenant, long activeKeys) {
    }

    public TenantAdministration(TenantRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** @throws TenantExistsException when the name is taken */
    public IssuedKey createTenant(String name, String reportingCurrency) {
        Tenant tenant = new Tenant(new TenantId(UUID.randomUUID().toString()), name, reportingCurrency, clock.instant());
        registry.create(tenant);
        return new IssuedKey(tenant, issue(tenant));
    }

    /** Issues a new key and revokes every earlier one. */
    public IssuedKey rotateKey(String name) {
        Tenant tenant = require(name);
        registry.revokeAllKeys(tenant.id(), clock.instant());
        return new IssuedKey(tenant, issue(tenant));
    }

    /** Revokes the tenant's key with this shown prefix; false when it has no such active key. */
    public boolean revokeKey(String name, String prefix) {
        return registry.revokeKey(require(name).id(), prefix, clock.instant());
    }

    public int revokeAllKeys(String name) {
        return registry.revokeAllKeys(require(name).id(), clock.instant());
    }

    public List<ApiKeyInfo> keys(String name) {
        return registry.keys(require(name).id());
    }

    public List<TenantSummary> list() {
        return registry.list().stream()
                .map(t -> new TenantSummary(t, registry.keys(t.id()).stream().filter(ApiKeyInfo::active).count()))
                .toList();
    }

    public Tenant require(String name) {
        return registry.findByName(name)
                .orElseThrow(() -> new IllegalArgumentException("no tenant named '" + name + "'"));
    }

    private String issue(Tenant tenant) {
        String key = ApiKeys.generate();
        registry.addKey(tenant.id(), ApiKeys.hash(key), ApiKeys.shownPrefix(key), clock.instant());
        return key;
    }
}
