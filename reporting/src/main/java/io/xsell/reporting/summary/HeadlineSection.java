package io.xsell.reporting.summary;

import java.util.List;
import java.util.Optional;

/** The headline figures, current against previous period, with expansion split into cross-sell and upsell. */
public record HeadlineSection(List<Headline> headlines) implements SummarySection {
    public HeadlineSection {
        headlines = List.copyOf(headlines);
    }

    @Override
    public String id() {
        return "headlines";
    }

    @Override
    public String title() {
        return "Headlines";
    }

    public Optional<Headline> get(String field) {
        return headlines.stream().filter(h -> h.field().equals(field)).findFirst();
    }
}
