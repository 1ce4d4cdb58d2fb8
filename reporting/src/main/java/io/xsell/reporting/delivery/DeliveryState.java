package io.xsell.reporting.delivery;

import java.util.Locale;

/**
 * The outbox state machine: {@code pending -> sending -> sent}, or back to {@code pending} with a
 * later attempt time after a refused send, or {@code failed} once attempts are used up or when a
 * send was interrupted (see {@link OutboxDispatcher}).
 */
public enum DeliveryState {
    PENDING, SENDING, SENT, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryState parse(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
