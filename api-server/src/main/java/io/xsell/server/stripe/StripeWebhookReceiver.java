package io.xsell.server.stripe;

import io.xsell.server.port.in.ReceiveStripeWebhookCommand;
import io.xsell.server.port.in.ReceiveStripeWebhookUseCase;
import io.xsell.server.port.in.WebhookReceipt;

/** The webhook use case over {@link StripeWebhooks}, which verifies, stores and applies deliveries. */
public class StripeWebhookReceiver implements ReceiveStripeWebhookUseCase {
    private final StripeWebhooks webhooks;

    public StripeWebhookReceiver(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public WebhookReceipt receive(ReceiveStripeWebhookCommand command) {
        StripeWebhooks.Delivery delivery = webhooks.receive(command.connectionId(), command.payload(),
                command.signature());
        return new WebhookReceipt(WebhookReceipt.Outcome.valueOf(delivery.outcome().name()), delivery.eventId(),
                delivery.detail());
    }
}
