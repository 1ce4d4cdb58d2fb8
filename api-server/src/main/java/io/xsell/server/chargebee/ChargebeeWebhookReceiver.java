package io.xsell.server.chargebee;

import io.xsell.server.port.in.ChargebeeWebhookReceipt;
import io.xsell.server.port.in.ReceiveChargebeeWebhookCommand;
import io.xsell.server.port.in.ReceiveChargebeeWebhookUseCase;

/** The webhook use case over {@link ChargebeeWebhooks}. */
public class ChargebeeWebhookReceiver implements ReceiveChargebeeWebhookUseCase {
    private final ChargebeeWebhooks webhooks;

    public ChargebeeWebhookReceiver(ChargebeeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public ChargebeeWebhookReceipt receive(ReceiveChargebeeWebhookCommand command) {
        ChargebeeWebhooks.Delivery delivery = webhooks.receive(command.connectionId(), command.payload(),
                command.authorization());
        return new ChargebeeWebhookReceipt(ChargebeeWebhookReceipt.Outcome.valueOf(delivery.outcome().name()),
                delivery.eventId(), delivery.detail());
    }
}
