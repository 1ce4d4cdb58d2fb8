package io.xsell.core.model;

/**
 * The work of a computation was stopped because its thread was interrupted: the server interrupts
 * a request that ran past its time limit. Long loops call {@link #checkInterrupt()} now and then,
 * so a stopped request frees its core at once; nothing half-computed is kept (results are stored
 * only once complete). The interrupt flag is left set for the caller to see and clear.
 */
public final class WorkCancelledException extends RuntimeException {
    public WorkCancelledException() {
        super("the computation was stopped: its thread was interrupted");
    }

    /** Throws when the current thread has been interrupted; as cheap as reading a field. */
    public static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new WorkCancelledException();
        }
    }
}
