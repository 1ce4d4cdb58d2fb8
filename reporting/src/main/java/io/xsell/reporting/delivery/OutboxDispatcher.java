package io.xsell.reporting.delivery;

import io.xsell.reporting.mail.EmailDeliveryException;
import io.xsell.reporting.port.SendEmailPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends the due entries of the summary outbox, each at most once.
 *
 * <p>An entry is claimed ({@code pending -> sending}) before the mail server is contacted and
 * marked {@code sent} after it accepted. SMTP has no idempotency key, so the one moment that
 * cannot be made exact is a stop between the server's acceptance and the {@code sent} mark: the
 * entry then stays {@code sending}, and resending it could deliver a second copy. Such an entry
 * (claimed longer than {@code sendingLease} ago, which is well beyond any send's timeouts) is
 * marked {@code failed} as interrupted and never resent automatically: a missing summary shows in
 * the API, a duplicate cannot be taken back. A send the server refused or that never connected
 * is known not to have been delivered, and is retried with backoff under the {@link RetryPolicy}.
 */
public final class OutboxDispatcher {
    static final String INTERRUPTED = "interrupted while sending (the server stopped before the outcome was "
            + "recorded); not resent automatically, because the mail server may already have accepted it";

    private final SummaryOutboxPort outbox;
    private final SendEmailPort email;
    private final RetryPolicy retry;
    private final Duration sendingLease;
    private final Clock clock;

    public OutboxDispatcher(SummaryOutboxPort outbox, SendEmailPort email, RetryPolicy retry, Duration sendingLease,
                            Clock clock) {
        this.outbox = Objects.requireNonNull(outbox);
        this.email = Objects.requireNonNull(email);
        this.retry = Objects.requireNonNull(retry);
        this.sendingLease = Objects.requireNonNull(sendingLease);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Outcome counts of one pass. */
    public record Pass(int sent, int retried, int failed, int interrupted) {
    }

    /** Sends every entry that is due now; returns what happened. */
    public Pass dispatchDue() {
        Instant start = clock.instant();
        int interrupted = outbox.failInterrupted(start.minus(sendingLease), start, INTERRUPTED);
        int sent = 0;
        int retried = 0;
        int failed = 0;
        Optional<Delivery> next;
        while ((next = outbox.claimDue(clock.instant())).isPresent()) {
            Delivery delivery = next.get();
            try {
                email.send(delivery.message());
            } catch (EmailDeliveryException e) {
                Instant now = clock.instant();
                if (retry.retries(delivery.attempt())) {
                    outbox.retryLater(delivery.id(), retry.nextAttempt(delivery.attempt(), now), e.getMessage());
                    retried++;
                } else {
                    outbox.markFailed(delivery.id(), now, "attempt " + delivery.attempt() + " of "
                            + retry.maxAttempts() + ": " + e.getMessage());
                    failed++;
                }
                continue;
            }
            outbox.markSent(delivery.id(), clock.instant());
            sent++;
        }
        return new Pass(sent, retried, failed, interrupted);
    }
}
