package io.xsell.reporting.mail;

import io.xsell.reporting.render.SummaryHtml;
import io.xsell.reporting.summary.Summary;
import java.util.List;
import java.util.Objects;

/** The email that carries a summary: the headline figures in the body, the PDF attached. */
public final class SummaryEmail {
    private final SummaryHtml html;

    public SummaryEmail(SummaryHtml html) {
        this.html = Objects.requireNonNull(html);
    }

    public EmailMessage compose(String messageId, List<String> to, Summary summary, byte[] pdf) {
        return new EmailMessage(messageId, to, subject(summary), html.email(summary),
                List.of(new EmailMessage.Attachment(fileName(summary), "application/pdf", pdf)));
    }

    public static String subject(Summary summary) {
        return "Cross-sell summary " + summary.tenantName() + ", " + summary.periodLabel();
    }

    /** {@code cross-sell-summary-2026-03-01-to-2026-03-31.pdf} */
    public static String fileName(Summary summary) {
        return "cross-sell-summary-" + summary.period().from() + "-to-" + summary.period().to().minusDays(1) + ".pdf";
    }
}
