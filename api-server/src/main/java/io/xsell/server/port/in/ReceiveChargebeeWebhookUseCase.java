package io.xsell.server.port.in;

/** Takes a Chargebee webhook delivery: authenticated, re-fetched from Chargebee, stored once, applied. */
public interface ReceiveChargebeeWebhookUseCase {
    ChargebeeWebhookReceipt receive(ReceiveChargebeeWebhookCommand command);
}
