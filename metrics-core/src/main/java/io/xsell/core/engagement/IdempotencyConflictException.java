package io.xsell.core.engagement;

/** An idempotency key already names a stored batch with other content (or of another kind). */
public class IdempotencyConflictException extends RuntimeException {
    private final EngagementBatch stored;

    public IdempotencyConflictException(EngagementBatch stored) {
        super("Idempotency-Key '" + stored.idempotencyKey() + "' was already used for another " + stored.kind().code()
                + " batch with different content");
        this.stored = stored;
    }

    public EngagementBatch stored() {
        return stored;
    }
}
