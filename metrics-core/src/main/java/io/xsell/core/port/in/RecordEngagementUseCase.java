package io.xsell.core.port.in;

import io.xsell.core.engagement.BatchReceipt;

/**
 * Stores a batch of engagement rows all or nothing, once per idempotency key.
 *
 * @see io.xsell.core.engagement.RejectedBatchException rows that cannot be stored (all listed)
 * @see io.xsell.core.engagement.IdempotencyConflictException the key names a different batch
 */
public interface RecordEngagementUseCase {
    BatchReceipt record(RecordEngagementCommand command);
}
