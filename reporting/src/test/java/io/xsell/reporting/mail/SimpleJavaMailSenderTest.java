package io.xsell.reporting.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.xsell.reporting.port.RenderedSummary;
import io.xsell.reporting.render.Charts;
import io.xsell.reporting.render.Format;
import io.xsell.reporting.render.JteTemplates;
import io.xsell.reporting.render.OpenHtmlToPdfRenderer;
import io.xsell.reporting.render.PaperSize;
import io.xsell.reporting.render.SummaryHtml;
import io.xsell.reporting.summary.Headline;
import io.xsell.reporting.summary.Summary;
import io.xsell.reporting.summary.SummaryFixture;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SimpleJavaMailSenderTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(GreenMailSetups.patient(ServerSetupTest.SMTP.dynamicPort()))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("reports@xsell.test", "reports", "s3cret"));

    private static SmtpSettings settings(String password) {
        return new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), SmtpSecurity.PLAIN, "reports", password,
                "reports@xsell.test", Duration.ofSeconds(10));
    }

    @Test
    void theSummaryArrivesWithTheHeadlinesInTheBodyAndThePdfAttached() throws Exception {
        SummaryHtml html = new SummaryHtml(new JteTemplates(), new Charts(), PaperSize.A4);
        Summary summary = SummaryFixture.service(SummaryFixture.metrics()).summarize(SummaryFixture.marchRequest());
        RenderedSummary rendered = new OpenHtmlToPdfRenderer(html).render(summary);
        EmailMessage message = new SummaryEmail(html).compose("report-1@xsell", List.of("cfo@acme.test", "revops@acme.test"),
                summary, rendered.pdf(), null);

        try (SimpleJavaMailSender sender = new SimpleJavaMailSender(settings("s3cret"))) {
            sender.send(message);
        }

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient mailbox
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Acme & Co <Europe>: cross-sell summary 2026-03-01 to 2026-03-31");
        assertThat(mail.getMessageID()).isEqualTo("<report-1@xsell>");
        Map<String, byte[]> attachments = new java.util.LinkedHashMap<>();
        List<String> bodies = new ArrayList<>();
        collect(mail, attachments, bodies);
        assertThat(attachments).containsOnlyKeys("Acme & Co -Europe- cross-sell summary 2026-03-01 to 2026-03-31.pdf");
        assertThat(mail.getHeader("List-Unsubscribe")).as("no schedule, no link").isNull();
        String body = String.join("\n", bodies);
        for (Headline h : summary.headlines().headlines()) {
            assertThat(body).as(h.field()).contains(h.label(), Format.value(h, summary.currency()), Format.previous(h, summary.currency()));
        }
        byte[] pdf = attachments.values().iterator().next();
        assertThat(pdf).isEqualTo(rendered.pdf());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Cross-sell MRR $2,001.20 $345.67 +$1,655.53");
        }
    }

    @Test
    void aRefusedLoginIsADeliveryErrorNamingTheServer() {
        EmailMessage message = new EmailMessage("x@xsell", List.of("cfo@acme.test"), "s", "<p>x</p>", List.of());
        try (SimpleJavaMailSender sender = new SimpleJavaMailSender(settings("wrong"))) {
            assertThatThrownBy(() -> sender.send(message)).isInstanceOf(EmailDeliveryException.class)
                    .hasMessageContaining("127.0.0.1:" + SMTP.getSmtp().getPort());
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    private static void collect(Part part, Map<String, byte[]> attachments, List<String> bodies) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, attachments, bodies);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            try (InputStream in = part.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                attachments.put(part.getFileName(), out.toByteArray());
            }
        } else if (part.isMimeType("text/html") || part.isMimeType("text/plain")) {
            bodies.add(String.valueOf(part.getContent()));
        }
    }

}
