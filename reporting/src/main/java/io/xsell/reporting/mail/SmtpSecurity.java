package io.xsell.reporting.mail;

import java.util.Locale;

/** How the connection to the mail server is protected. */
public enum SmtpSecurity {
    /** Plain SMTP (port 25 or 587); STARTTLS is used when the server offers it, never required. */
    PLAIN,
    /** STARTTLS required (port 587 usually): the message is never sent unencrypted. */
    STARTTLS,
    /** TLS from the first byte, "SMTPS" (port 465 usually). */
    TLS;

    public static SmtpSecurity parse(String text) {
        for (SmtpSecurity s : values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an SMTP security (plain, starttls, tls)");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
