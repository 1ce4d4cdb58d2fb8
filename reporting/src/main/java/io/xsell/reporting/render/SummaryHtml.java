package io.xsell.reporting.render;

import io.xsell.reporting.summary.Summary;
import io.xsell.reporting.summary.SummarySection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A summary as one printable XHTML page: each section through its own template
 * ({@code sections/<id>.jte}), inside {@code page.jte} with the print CSS for the paper size.
 */
public final class SummaryHtml {
    private final JteTemplates templates;
    private final Charts charts;
    private final PaperSize paper;

    public SummaryHtml(JteTemplates templates, Charts charts, PaperSize paper) {
        this.templates = Objects.requireNonNull(templates);
        this.charts = Objects.requireNonNull(charts);
        this.paper = Objects.requireNonNull(paper);
    }

    /**
     * Compiles every template (page, email, sections) now, which otherwise happens at the first
     * summary of the process.
     */
    public void prepare() {
        templates.prepare();
    }

    public String page(Summary summary) {
        List<String> sections = new ArrayList<>();
        for (SummarySection section : summary.sections()) {
            sections.add(templates.render(sectionTemplate(section),
                    Map.of("section", section, "charts", charts, "currency", summary.currency())));
        }
        return templates.render("page.jte", Map.of("summary", summary, "sections", sections,
                "pageCss", pageCss(summary)));
    }

    static String sectionTemplate(SummarySection section) {
        return "sections/" + section.id() + ".jte";
    }

    /** The page box; the footer text is only dates and digits, so it needs no escaping for CSS. */
    private String pageCss(Summary summary) {
        return "@page { size: " + paper.css() + "; margin: 16mm 14mm 18mm 14mm;\n"
                + "  @bottom-left { content: \"Cross-sell summary " + summary.periodLabel()
                + "\"; font-size: 8pt; font-family: " + ReportFonts.CSS_FAMILY + "; color: #5b6673; }\n"
                + "  @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); font-size: 8pt;"
                + " font-family: " + ReportFonts.CSS_FAMILY + ";"
                + " color: #5b6673; } }";
    }

    /** The email body: the headline figures; the PDF goes along as an attachment. */
    public String email(Summary summary) {
        return templates.render("email.jte", Map.of("summary", summary));
    }
}
