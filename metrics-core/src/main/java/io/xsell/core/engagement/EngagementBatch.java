package io.xsell.core.engagement;

import io.xsell.core.model.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored batch of engagement rows, remembered by its client-supplied idempotency key so that
 * a retry is recognised and answered the same instead of being stored twice.
 *
 * @param fingerprint digest of the batch's rows as received: the same key with other rows is a conflict
 * @param rows        number of rows stored
 */
public record EngagementBatch(TenantId tenant, String idempotencyKey, BatchKind kind, String fingerprint, int rows,
                              Instant receivedAt) {
    public EngagementBatch {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
