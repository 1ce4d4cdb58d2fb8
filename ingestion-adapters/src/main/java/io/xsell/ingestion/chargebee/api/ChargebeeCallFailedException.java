package io.xsell.ingestion.chargebee.api;

/**
 * A Chargebee call that failed for good: a refusal (bad key, missing permission, bad request) or a
 * transient failure that outlasted every retry. The message never carries the API key.
 */
public class ChargebeeCallFailedException extends RuntimeException {
    private final int status;
    private final String apiErrorCode;

    public ChargebeeCallFailedException(String message, int status, String apiErrorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.apiErrorCode = apiErrorCode;
    }

    /** The HTTP status of the last attempt; 0 when no response came (connection failure, timeout). */
    public int status() {
        return status;
    }

    /** Chargebee's {@code api_error_code} (e.g. {@code api_authentication_failed}); null when none came. */
    public String apiErrorCode() {
        return apiErrorCode;
    }

    /** True when the site did not answer at all. */
    public boolean unreachable() {
        return status == 0;
    }

    /** True when Chargebee refused the key (401) or its permissions (403). */
    public boolean isKeyRefused() {
        return status == 401 || status == 403;
    }
}
