package io.xsell.server.tenant;

import java.time.Instant;

/**
 * What is kept of an API key: never the key itself, only its hash and a short prefix that lets
 * an operator tell keys apart.
 *
 * @param revokedAt null while the key is valid
 */
public record ApiKeyInfo(String prefix, Instant createdAt, Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
