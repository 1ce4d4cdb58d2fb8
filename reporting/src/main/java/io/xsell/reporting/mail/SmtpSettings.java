package io.xsell.reporting.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how summaries are mailed.
 *
 * @param username     null for a server that needs no authentication
 * @param timeout      for connecting, and for each read and write on the connection
 * @param trustedHosts hosts whose certificate is trusted as it is (a private server with a
 *                     self-signed certificate); empty: certificates are verified as usual
 */
public record SmtpSettings(String host, int port, SmtpSecurity security, String username, String password,
                           String from, Duration timeout, java.util.List<String> trustedHosts) {
    public SmtpSettings(String host, int port, SmtpSecurity security, String username, String password, String from,
                        Duration timeout) {
        this(host, port, security, username, password, from, timeout, java.util.List.of());
    }

    public SmtpSettings {
        trustedHosts = java.util.List.copyOf(trustedHosts);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
    }
}
