package io.xsell.server.port.in;

/** What became of a Chargebee webhook delivery. */
public record ChargebeeWebhookReceipt(Outcome outcome, String eventId, String detail) {
    /**
     * Refused ({@code UNKNOWN_CONNECTION}, {@code NO_SECRET}, {@code BAD_CREDENTIALS}, {@code MALFORMED},
     * {@code UNKNOWN_EVENT}: an id Chargebee does not know),
     * not fetched ({@code UNAVAILABLE}: Chargebee retries) or taken.
     */
    public enum Outcome {
        UNKNOWN_CONNECTION, NO_SECRET, BAD_CREDENTIALS, MALFORMED, UNKNOWN_EVENT, UNAVAILABLE, RECEIVED, DUPLICATE
    }
}
