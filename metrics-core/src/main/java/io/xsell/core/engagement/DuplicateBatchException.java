package io.xsell.core.engagement;

/** Thrown by a store when another request stored a batch under the same key first; nothing was written. */
public class DuplicateBatchException extends RuntimeException {
    public DuplicateBatchException(String idempotencyKey, Throwable cause) {
        super("a batch with idempotency key '" + idempotencyKey + "' is already stored", cause);
    }
}
