package io.xsell.reporting.mail;

import java.util.List;
import java.util.Objects;

/**
 * One email: recipients, subject, HTML body with its plain-text alternative, attachments.
 *
 * @param messageId       the {@code Message-ID} header, without angle brackets; the same for every
 *                        attempt at one delivery, so a mail client that sees a copy twice can tell
 * @param text            the plain-text alternative of the HTML; null for none
 * @param listUnsubscribe the {@code List-Unsubscribe} header's value ({@code <https://...>}); null for none
 */
public record EmailMessage(String messageId, List<String> to, String subject, String html, String text,
                           String listUnsubscribe, List<Attachment> attachments) {
    public EmailMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an email needs at least one recipient");
        }
    }

    /** An HTML-only message without a List-Unsubscribe header. */
    public EmailMessage(String messageId, List<String> to, String subject, String html, List<Attachment> attachments) {
        this(messageId, to, subject, html, null, null, attachments);
    }

    public record Attachment(String name, String mimeType, byte[] content) {
    }
}
