package io.xsell.core.model;

import java.util.Objects;

/** One SaaS company using xsell. Every dataset and every query belongs to exactly one tenant. */
public record TenantId(String value) {
    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
