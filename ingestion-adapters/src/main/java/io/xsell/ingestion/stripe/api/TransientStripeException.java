package io.xsell.ingestion.stripe.api;

import java.time.Duration;

/** A failed attempt worth retrying: rate limited, a server error, or no response at all. */
final class TransientStripeException extends RuntimeException {
    private final int status;
    private final Duration retryAfter;

    TransientStripeException(String message, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    /** What the server asked to wait, if it said. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** Rate limiting is Stripe working as intended, not failing: it does not trip the circuit breaker. */
    boolean isServiceFailure() {
        return status != 429;
    }
}
