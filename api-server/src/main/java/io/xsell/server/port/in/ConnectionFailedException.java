package io.xsell.server.port.in;

/** A connection could not be made; nothing was stored. */
public class ConnectionFailedException extends RuntimeException {
    /** Why: the server cannot seal secrets, the provider refused the key, or the provider could not be reached. */
    public enum Reason { NO_MASTER_KEY, KEY_REFUSED, PROVIDER_UNAVAILABLE }

    private final Reason reason;
    private final int providerStatus;

    public ConnectionFailedException(Reason reason, int providerStatus, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.providerStatus = providerStatus;
    }

    public Reason reason() {
        return reason;
    }

    /** The provider's HTTP status, 0 when it gave none. */
    public int providerStatus() {
        return providerStatus;
    }
}
