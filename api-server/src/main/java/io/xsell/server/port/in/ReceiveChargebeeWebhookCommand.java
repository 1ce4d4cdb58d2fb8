package io.xsell.server.port.in;

import java.util.Objects;

/** A Chargebee webhook delivery: its body and its {@code Authorization} header (HTTP basic auth), as received. */
public record ReceiveChargebeeWebhookCommand(String connectionId, String payload, String authorization) {
    public ReceiveChargebeeWebhookCommand {
        Objects.requireNonNull(connectionId, "connectionId");
    }
}
