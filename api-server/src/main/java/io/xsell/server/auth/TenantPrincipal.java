package io.xsell.server.auth;

import io.xsell.core.model.TenantId;
import java.security.Principal;

/** The tenant an API key belongs to; every /v1 query is scoped to it. */
public record TenantPrincipal(TenantId tenant) implements Principal {
    @Override
    public String getName() {
        return tenant.value();
    }
}
