package io.xsell.reporting.mail;

import io.xsell.reporting.render.Format;
import io.xsell.reporting.render.SummaryHtml;
import io.xsell.reporting.summary.Headline;
import io.xsell.reporting.summary.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The email that carries a summary: the headline figures in the body, the PDF attached. */
public final class SummaryEmail {
    private final SummaryHtml html;

    public SummaryEmail(SummaryHtml html) {
        this.html = Objects.requireNonNull(html);
    }

    /**
     * @param unsubscribeUrl the URL that removes the schedule (its {@code List-Unsubscribe}); null for
     *                       an email that belongs to no schedule or a server without a public URL
     */
    public EmailMessage compose(String messageId, List<String> to, Summary summary, byte[] pdf, String unsubscribeUrl) {
        return new EmailMessage(messageId, to, subject(summary), html.email(summary), text(summary, unsubscribeUrl),
                unsubscribeUrl == null ? null : "<" + unsubscribeUrl + ">",
                List.of(new EmailMessage.Attachment(fileName(summary), "application/pdf", pdf)));
    }

    public static String subject(Summary summary) {
        return summary.tenantName() + ": cross-sell summary " + summary.periodLabel();
    }

    /**
     * {@code Müller 株式会社 cross-sell summary 2026-03-01 to 2026-03-31.pdf}: the tenant's name as
     * written, less the characters file systems refuse ({@code / \ : * ? " < > |} and controls).
     */
    public static String fileName(Summary summary) {
        String tenant = summary.tenantName().replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "-").strip();
        return (tenant.isEmpty() ? "" : tenant + " ") + "cross-sell summary " + summary.period().from() + " to "
                + summary.period().to().minusDays(1) + ".pdf";
    }

    /** The plain-text alternative: the headline table in aligned columns, then where the rest is. */
    static String text(Summary summary, String unsubscribeUrl) {
        String currency = summary.currency();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Metric", "This period", "Previous period", "Change"});
        for (Headline h : summary.headlines().headlines()) {
            rows.add(new String[] {h.label(), Format.value(h, currency), Format.previous(h, currency),
                    Format.change(h, currency)});
        }
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Cross-sell summary: ").append(summary.tenantName()).append("\n");
        out.append("Period ").append(summary.periodLabel()).append(", compared with ")
                .append(summary.previousPeriodLabel()).append(". Amounts in ").append(currency).append(".\n\n");
        for (String[] row : rows) {
            out.append(String.format("%-" + width[0] + "s", row[0]));
            for (int i = 1; i < 4; i++) {
                out.append("  ").append(String.format("%" + width[i] + "s", row[i]));
            }
            out.append("\n");
        }
        out.append("\nThe full summary (MRR trend, movements, product lines, segments, benchmark and insights) "
                + "is attached as a PDF.\n");
        if (unsubscribeUrl != null) {
            out.append("To stop these emails: ").append(unsubscribeUrl).append("\n");
        }
        return out.toString();
    }
}
