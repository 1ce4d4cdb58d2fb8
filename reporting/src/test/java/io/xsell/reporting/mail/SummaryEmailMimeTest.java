package io.xsell.reporting.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.xsell.core.service.MetricsService;
import io.xsell.reporting.port.RenderedSummary;
import io.xsell.reporting.render.Charts;
import io.xsell.reporting.render.JteTemplates;
import io.xsell.reporting.render.OpenHtmlToPdfRenderer;
import io.xsell.reporting.render.PaperSize;
import io.xsell.reporting.render.SummaryHtml;
import io.xsell.reporting.schedule.Cadence;
import io.xsell.reporting.summary.Summary;
import io.xsell.reporting.summary.SummaryFixture;
import io.xsell.reporting.summary.SummaryRequest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The summary email as GreenMail receives it: multipart/mixed holding a multipart/alternative
 * (text/plain, then text/html) and the PDF, the tenant's display name in the subject and in the
 * PDF's file name (RFC 2231 encoded, decoded as written), and the List-Unsubscribe headers.
 */
class SummaryEmailMimeTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(GreenMailSetups.patient(ServerSetupTest.SMTP.dynamicPort()));

    private static final String TENANT = "Müller 株式会社";
    private static final String LINK = "https://xsell.example.com/unsubscribe/Zm9vYmFy";

    @Test
    void plainTextBesideHtmlTheTenantInSubjectAndFileNameAndTheUnsubscribeHeaders() throws Exception {
        MetricsService metrics = SummaryFixture.metrics();
        Summary summary = SummaryFixture.service(metrics).summarize(new SummaryRequest(SummaryFixture.TENANT, TENANT,
                Cadence.MONTHLY, SummaryFixture.MARCH, SummaryRequest.DEFAULT_SEGMENT_BY));
        SummaryHtml html = new SummaryHtml(new JteTemplates(), new Charts(), PaperSize.A4);
        RenderedSummary rendered = new OpenHtmlToPdfRenderer(html).render(summary);
        EmailMessage message = new SummaryEmail(html).compose("report-7@xsell", List.of("cfo@mueller.test"), summary,
                rendered.pdf(), LINK);
        try (SimpleJavaMailSender sender = new SimpleJavaMailSender(new SmtpSettings("127.0.0.1",
                SMTP.getSmtp().getPort(), SmtpSecurity.PLAIN, null, null, "reports@xsell.test", Duration.ofSeconds(10)))) {
            sender.send(message);
        }

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo(TENANT + ": cross-sell summary 2026-03-01 to 2026-03-31");
        assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<" + LINK + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(mail.isMimeType("multipart/mixed")).isTrue();

        Multipart mixed = (Multipart) mail.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        BodyPart body = mixed.getBodyPart(0);
        assertThat(body.isMimeType("multipart/alternative")).as(body.getContentType()).isTrue();
        Multipart alternative = (Multipart) body.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).as("plain text first, the richer part last").isTrue();
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        String text = String.valueOf(alternative.getBodyPart(0).getContent());
        assertThat(text).contains("Cross-sell summary: " + TENANT, "Amounts in USD",
                "Cross-sell MRR", "$2,001.20", "$345.67", "+$1,655.53", "Net revenue retention", "Quick ratio",
                "To stop these emails: " + LINK).doesNotContain("<");
        assertThat(String.valueOf(alternative.getBodyPart(1).getContent())).contains("$2,001.20");

        BodyPart pdf = mixed.getBodyPart(1);
        assertThat(pdf.isMimeType("application/pdf")).isTrue();
        assertThat(MimeUtility.decodeText(pdf.getFileName()))
                .isEqualTo(TENANT + " cross-sell summary 2026-03-01 to 2026-03-31.pdf");
        try (InputStream in = pdf.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(rendered.pdf());
        }
    }
}
