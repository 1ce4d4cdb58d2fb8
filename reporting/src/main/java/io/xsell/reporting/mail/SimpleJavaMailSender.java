package io.xsell.reporting.mail;

import io.xsell.reporting.port.SendEmailPort;
import org.simplejavamail.api.email.EmailPopulatingBuilder;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;

/** Sends over SMTP with Simple Java Mail, synchronously: {@link #send} returns once the server accepted. */
public final class SimpleJavaMailSender implements SendEmailPort, AutoCloseable {
    private final SmtpSettings settings;
    private final Mailer mailer;

    public SimpleJavaMailSender(SmtpSettings settings) {
        this.settings = settings;
        var builder = MailerBuilder
                .withSMTPServer(settings.host(), settings.port(), settings.username(), settings.password())
                .withTransportStrategy(switch (settings.security()) {
                    case PLAIN -> TransportStrategy.SMTP;
                    case STARTTLS -> TransportStrategy.SMTP_TLS;
                    case TLS -> TransportStrategy.SMTPS;
                })
                .withSessionTimeout(Math.toIntExact(settings.timeout().toMillis()));
        if (!settings.trustedHosts().isEmpty()) {
            // A certificate trusted explicitly is not also checked against the host name: that is
            // what trusting a private server's self-signed certificate means.
            builder.trustingSSLHosts(settings.trustedHosts().toArray(String[]::new)).verifyingServerIdentity(false);
        }
        mailer = builder.buildMailer();
    }

    @Override
    public void send(EmailMessage message) {
        EmailPopulatingBuilder email = EmailBuilder.startingBlank()
                .fixingMessageId("<" + message.messageId() + ">")
                .from(settings.from())
                .toMultiple(message.to().toArray(String[]::new))
                .withSubject(message.subject())
                .withHTMLText(message.html());
        if (message.text() != null) {
            email.withPlainText(message.text());
        }
        if (message.listUnsubscribe() != null) {
            // RFC 2369, and RFC 8058's one-click POST, which the link's endpoint answers
            email.withHeader("List-Unsubscribe", message.listUnsubscribe());
            email.withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        for (EmailMessage.Attachment attachment : message.attachments()) {
            email.withAttachment(attachment.name(), attachment.content(), attachment.mimeType());
        }
        try {
            mailer.sendMail(email.buildEmail()).join();
        } catch (RuntimeException e) {
            throw new EmailDeliveryException("the mail server " + settings.host() + ":" + settings.port()
                    + " did not accept the message: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder text = new StringBuilder(String.valueOf(t.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            text.append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    @Override
    public void close() {
        mailer.shutdownConnectionPool();
    }
}
