package io.xsell.reporting.summary;

import java.util.Optional;

/** Builds one section of a summary from the figures of its period; empty when it has nothing to show. */
@FunctionalInterface
public interface SectionSource {
    Optional<SummarySection> build(SummaryContext context);
}
