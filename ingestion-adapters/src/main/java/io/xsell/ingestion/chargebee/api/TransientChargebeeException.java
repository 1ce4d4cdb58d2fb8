package io.xsell.ingestion.chargebee.api;

import java.time.Duration;

/** A failed attempt worth retrying: rate limited (429), a server error (5xx), or no response at all. */
final class TransientChargebeeException extends RuntimeException {
    private final int status;
    private final String apiErrorCode;
    private final Duration retryAfter;

    TransientChargebeeException(String message, int status, String apiErrorCode, Duration retryAfter,
                                Throwable cause) {
        super(message, cause);
        this.status = status;
        this.apiErrorCode = apiErrorCode;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    String apiErrorCode() {
        return apiErrorCode;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
