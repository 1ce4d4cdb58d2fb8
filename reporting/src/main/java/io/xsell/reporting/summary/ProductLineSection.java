package io.xsell.reporting.summary;

import java.math.BigDecimal;
import java.util.List;

/** Cross-sell by product line, as {@code by_product_line[]} of the API. */
public record ProductLineSection(List<Line> lines) implements SummarySection {
    public ProductLineSection {
        lines = List.copyOf(lines);
    }

    /** @param productLine the line's display name (its id when it has none) */
    public record Line(String productLine, String kind, BigDecimal crossSellMrr, BigDecimal shareOfCrossSellPct,
                       long attaches, long holders, BigDecimal penetrationPct, BigDecimal upsellMrr,
                       BigDecimal lineChurnMrr) {
    }

    @Override
    public String id() {
        return "product_lines";
    }

    @Override
    public String title() {
        return "Cross-sell by product line";
    }
}
