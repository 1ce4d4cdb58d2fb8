package io.xsell.reporting.summary;

import java.math.BigDecimal;
import java.util.List;

/**
 * Each line's penetration inside each segment at the period end, with the segment's own
 * cross-sell rate and products per customer.
 *
 * @param lines the column order of {@link Segment#penetrationPct()}
 */
public record SegmentPenetrationSection(String segmentBy, List<String> lines, List<Segment> segments)
        implements SummarySection {
    public SegmentPenetrationSection {
        lines = List.copyOf(lines);
        segments = List.copyOf(segments);
    }

    /**
     * @param segment        the attribute value; "(none)" for customers without it
     * @param penetrationPct per line of {@link #lines()}; null when the segment has no active customer
     */
    public record Segment(String segment, long activeCustomers, BigDecimal crossSellRatePct,
                          BigDecimal productsPerCustomer, List<BigDecimal> penetrationPct) {
        public Segment {
            penetrationPct = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(penetrationPct));
        }
    }

    @Override
    public String id() {
        return "segment_penetration";
    }

    @Override
    public String title() {
        return "Penetration by " + segmentBy;
    }
}
