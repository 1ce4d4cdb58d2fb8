package io.xsell.reporting.summary;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** ARR and the retention ratios: the figures a finance reader looks for next to expansion. */
    public static final Set<String> REVENUE_FIELDS = Set.of("arr", "net_revenue_retention_pct",
            "gross_revenue_retention_pct", "quick_ratio");

    public List<Headline> revenue() {
        return headlines.stream().filter(h -> REVENUE_FIELDS.contains(h.field())).toList();
    }

    public List<Headline> crossSell() {
        return headlines.stream().filter(h -> !REVENUE_FIELDS.contains(h.field())).toList();
    }

    public Optional<Headline> get(String field) {
        return headlines.stream().filter(h -> h.field().equals(field)).findFirst();
    }
}
