package io.xsell.reporting.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code security: tls} (SMTPS) against GreenMail's TLS server, whose certificate is self-signed. */
class SmtpsDeliveryTest {
    @RegisterExtension
    static final GreenMailExtension SMTPS = new GreenMailExtension(GreenMailSetups.patient(ServerSetupTest.SMTPS.dynamicPort()))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("reports@xsell.test", "reports", "s3cret"));

    private static final EmailMessage MESSAGE = new EmailMessage("tls@xsell", List.of("cfo@acme.test"),
            "Summary over TLS", "<p>figures</p>", List.of());

    private static SmtpSettings settings(SmtpSecurity security, List<String> trusted) {
        return new SmtpSettings("127.0.0.1", SMTPS.getSmtps().getPort(), security, "reports", "s3cret",
                "reports@xsell.test", Duration.ofSeconds(10), trusted);
    }

    @Test
    void tlsFromTheFirstByteDeliversToATrustedServer() throws Exception {
        try (SimpleJavaMailSender sender = new SimpleJavaMailSender(settings(SmtpSecurity.TLS, List.of("127.0.0.1")))) {
            sender.send(MESSAGE);
        }
        assertThat(SMTPS.getReceivedMessages()).hasSize(1);
        assertThat(SMTPS.getReceivedMessages()[0].getSubject()).isEqualTo("Summary over TLS");
    }

    @Test
    void anUntrustedSelfSignedCertificateIsRefused() {
        try (SimpleJavaMailSender sender = new SimpleJavaMailSender(settings(SmtpSecurity.TLS, List.of()))) {
            assertThatThrownBy(() -> sender.send(MESSAGE)).isInstanceOf(EmailDeliveryException.class);
        }
        assertThat(SMTPS.getReceivedMessages()).isEmpty();
    }

    @Test
    void plainSmtpToATlsPortIsADeliveryErrorNotAHang() {
        try (SimpleJavaMailSender sender = new SimpleJavaMailSender(settings(SmtpSecurity.PLAIN, List.of()))) {
            assertThatThrownBy(() -> sender.send(MESSAGE)).isInstanceOf(EmailDeliveryException.class);
        }
        assertThat(SMTPS.getReceivedMessages()).isEmpty();
    }
}
