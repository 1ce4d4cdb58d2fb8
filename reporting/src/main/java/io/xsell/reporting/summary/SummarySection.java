package io.xsell.reporting.summary;

/**
 * One section of a summary. A section is rendered by the template
 * {@code io/xsell/reporting/templates/sections/<id>.jte}, which receives it as {@code section}
 * and the chart maker as {@code charts}; adding a section is a record implementing this, a
 * {@link SectionSource} that builds it, and its template.
 */
public interface SummarySection {

    /** Stable name of the section, and of its template. */
    String id();

    /** Heading printed above the section. */
    String title();
}
