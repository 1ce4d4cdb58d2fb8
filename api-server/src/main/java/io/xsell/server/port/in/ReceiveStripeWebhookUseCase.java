package io.xsell.server.port.in;

/** Takes a Stripe webhook delivery: verified by its signature, stored once per event id, applied. */
public interface ReceiveStripeWebhookUseCase {
    WebhookReceipt receive(ReceiveStripeWebhookCommand command);
}
