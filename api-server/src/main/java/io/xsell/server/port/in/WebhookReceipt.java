package io.xsell.server.port.in;

/**
 * What became of a webhook delivery.
 *
 * @param eventId null when the delivery was refused
 */
public record WebhookReceipt(Outcome outcome, String eventId, String detail) {
    /**
     * Refused ({@code UNKNOWN_CONNECTION}, {@code NO_SECRET}, {@code BAD_SIGNATURE}), not taken yet because
     * Stripe could not be read ({@code UNAVAILABLE}: Stripe delivers again), or taken.
     */
    public enum Outcome { UNKNOWN_CONNECTION, NO_SECRET, BAD_SIGNATURE, RECEIVED, DUPLICATE, UNAVAILABLE }
}
