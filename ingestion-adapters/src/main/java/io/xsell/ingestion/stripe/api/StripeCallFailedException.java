package io.xsell.ingestion.stripe.api;

/**
 * A Stripe call that failed for good: a refusal (bad key, missing permission, bad request) or a
 * transient failure that outlasted every retry. The message never carries the API key.
 *
 * @see #status()
 */
public class StripeCallFailedException extends RuntimeException {
    private final int status;

    public StripeCallFailedException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status of the last attempt; 0 when no response came (connection failure, timeout, open circuit). */
    public int status() {
        return status;
    }

    /** True when Stripe refused the key itself (401) or its permissions (403). */
    public boolean isKeyRefused() {
        return status == 401 || status == 403;
    }
}
