package io.xsell.server.port.in;

import java.util.Objects;

/**
 * One webhook delivery from Stripe, as received.
 *
 * @param payload   the body byte for byte as text (the signature covers it); null when empty
 * @param signature the {@code Stripe-Signature} header; null when absent
 */
public record ReceiveStripeWebhookCommand(String connectionId, String payload, String signature) {
    public ReceiveStripeWebhookCommand {
        Objects.requireNonNull(connectionId, "connectionId");
    }
}
