package io.xsell.reporting.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * The stored outbox of summary emails. Every transition is a conditional update of one entry, so
 * two dispatchers (two server instances) never both claim one entry.
 */
public interface SummaryOutboxPort {

    /**
     * Moves the longest-due {@code pending} entry whose attempt time has come to {@code sending},
     * counts the attempt and records {@code now} as its claim time.
     */
    Optional<Delivery> claimDue(Instant now);

    /** {@code sending -> sent}. */
    void markSent(String id, Instant at);

    /** {@code sending -> pending}, to be tried again at {@code nextAttemptAt}. */
    void retryLater(String id, Instant nextAttemptAt, String error);

    /** {@code sending -> failed}. */
    void markFailed(String id, Instant at, String error);

    /**
     * Entries still {@code sending} that were claimed before {@code claimedBefore}: their sender
     * stopped (crash, restart) without recording the outcome. They become {@code failed} with
     * {@code error}; returns how many.
     */
    int failInterrupted(Instant claimedBefore, Instant now, String error);
}
