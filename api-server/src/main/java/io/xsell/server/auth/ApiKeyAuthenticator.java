package io.xsell.server.auth;

import io.dropwizard.auth.Authenticator;
import io.xsell.server.tenant.TenantRegistry;
import jakarta.inject.Provider;
import java.util.Optional;

/** Resolves a bearer key to its tenant through the stored hash of active keys. */
public class ApiKeyAuthenticator implements Authenticator<String, TenantPrincipal> {
    private final Provider<TenantRegistry> registry;

    public ApiKeyAuthenticator(Provider<TenantRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Optional<TenantPrincipal> authenticate(String key) {
        return registry.get().tenantForKeyHash(ApiKeys.hash(key)).map(TenantPrincipal::new);
    }
}
