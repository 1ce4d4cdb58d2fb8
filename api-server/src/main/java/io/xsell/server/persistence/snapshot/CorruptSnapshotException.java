package io.xsell.server.persistence.snapshot;

/** A stored snapshot that cannot be what was written: it is ignored and the tenant prepared anew. */
public final class CorruptSnapshotException extends RuntimeException {
    public CorruptSnapshotException(String message) {
        super(message);
    }
}
