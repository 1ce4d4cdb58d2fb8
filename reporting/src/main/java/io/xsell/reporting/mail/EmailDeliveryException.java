package io.xsell.reporting.mail;

/** The mail server did not accept a message (refused, unreachable, timed out). */
public class EmailDeliveryException extends RuntimeException {
    public EmailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
