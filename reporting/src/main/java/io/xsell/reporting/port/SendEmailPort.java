package io.xsell.reporting.port;

import io.xsell.reporting.mail.EmailMessage;

/** Hands an email to a mail server. */
public interface SendEmailPort {

    /**
     * Returns once the server accepted the message for every recipient.
     *
     * @throws io.xsell.reporting.mail.EmailDeliveryException when it did not (nothing is known to be
     *         delivered; the caller may try again)
     */
    void send(EmailMessage message);
}
