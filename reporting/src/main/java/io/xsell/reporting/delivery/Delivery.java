package io.xsell.reporting.delivery;

import io.xsell.reporting.mail.EmailMessage;
import java.util.Objects;

/**
 * One claimed outbox entry: the email to send and how many attempts (this one included) were made.
 */
public record Delivery(String id, int attempt, EmailMessage message) {
    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
    }
}
