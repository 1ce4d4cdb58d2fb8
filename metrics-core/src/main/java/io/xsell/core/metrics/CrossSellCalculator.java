package io.xsell.core.metrics;

import io.xsell.core.benchmark.Benchmark;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.MrrTimeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Computes a {@link CrossSellReport} from a priced ledger in one parallel pass over customers:
 * each customer's timeline is built once and added to the overall tally and to its segment's.
 */
public final class CrossSellCalculator {

    private CrossSellCalculator() {
    }

    /**
     * @param segmentBy customer attribute to segment on, or null for none
     * @throws UnknownAttributeException when no customer carries {@code segmentBy}
     */
    public static CrossSellReport report(MrrLedger ledger, Window window, String segmentBy) {
        Tally tally = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> tally(ledger, window, segmentBy),
                (t, c) -> t.add(c, ledger.timeline(c)),
                Tally::merge);
        return tally.report();
    }

    /**
     * An empty tally of the window's report, for callers that compute several figures in one pass
     * over the customers and build each timeline once ({@link #report} is one such pass). Every
     * tally of one pass must come from this method with the same arguments.
     *
     * @throws UnknownAttributeException when no customer carries {@code segmentBy}
     */
    public static Tally tally(MrrLedger ledger, Window window, String segmentBy) {
        if (segmentBy != null) {
            requireKnown(ledger, segmentBy);
        }
        return new Tally(ledger, window, segmentBy);
    }

    /** The window's figures over the customers added so far; not thread-safe, merge one per thread. */
    public static final class Tally {
        private final MrrLedger ledger;
        private final String segmentBy;
        private final Tallies tallies;

        private Tally(MrrLedger ledger, Window window, String segmentBy) {
            this.ledger = ledger;
            this.segmentBy = segmentBy;
            this.tallies = new Tallies(window, ledger.lines().size(), segmentBy != null);
        }

        /** Adds customer {@code customer} of the ledger, whose timeline is {@code timeline}. */
        public void add(int customer, MrrTimeline timeline) {
            tallies.add(ledger, customer, timeline, segmentBy);
        }

        public Tally merge(Tally other) {
            tallies.merge(other.tallies);
            return this;
        }

        public CrossSellReport report() {
            Window window = tallies.window;
            WindowTally overall = tallies.overall();
            WindowMetrics metrics = overall.metrics();
            List<SegmentMetrics> segments = new ArrayList<>();
            if (segmentBy != null) {
                tallies.bySegment.forEach((value, tally) ->
                        segments.add(new SegmentMetrics(value, tally.metrics(), tally.byProductLine(ledger.lines()))));
                segments.sort(Comparator.comparing(SegmentMetrics::segment, Comparator.nullsLast(Comparator.naturalOrder())));
            }
            return new CrossSellReport(window, ledger.currency(), metrics, overall.byProductLine(ledger.lines()),
                    Benchmark.assess(metrics.productsPerCustomer(), metrics.annualizedCrossSellRatePct()),
                    segmentBy, segments);
        }
    }

    private static void requireKnown(MrrLedger ledger, String attribute) {
        Set<String> known = new LinkedHashSet<>();
        for (int c = 0; c < ledger.customerCount(); c++) {
            Map<String, String> attributes = ledger.customer(c).attributes();
            if (attributes.containsKey(attribute)) {
                return;
            }
            known.addAll(attributes.keySet());
        }
        throw new UnknownAttributeException(attribute, known);
    }

    /**
     * Segmented, each customer is added to its segment's tally only and the overall tally is
     * their merge: segments partition the base, and one add per customer halves the work.
     */
    private static final class Tallies {
        private final Window window;
        private final int lineCount;
        private final boolean segmented;
        private final WindowTally all;
        private final Map<String, WindowTally> bySegment;

        Tallies(Window window, int lineCount, boolean segmented) {
            this.window = window;
            this.lineCount = lineCount;
            this.segmented = segmented;
            this.all = segmented ? null : new WindowTally(window, lineCount);
            this.bySegment = segmented ? new HashMap<>() : Map.of();
        }

        void add(MrrLedger ledger, int customer, MrrTimeline timeline, String segmentBy) {
            WindowTally tally = segmented
                    ? bySegment.computeIfAbsent(ledger.customer(customer).attribute(segmentBy),
                            v -> new WindowTally(window, lineCount))
                    : all;
            tally.add(timeline, ledger.charges(customer));
        }

        void merge(Tallies other) {
            if (segmented) {
                other.bySegment.forEach((value, tally) -> bySegment.merge(value, tally, WindowTally::merge));
            } else {
                all.merge(other.all);
            }
        }

        WindowTally overall() {
            if (!segmented) {
                return all;
            }
            WindowTally total = new WindowTally(window, lineCount);
            bySegment.values().forEach(total::merge);
            return total;
        }
    }
}
