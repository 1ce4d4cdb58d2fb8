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
        if (segmentBy != null) {
            requireKnown(ledger, segmentBy);
        }
        int lineCount = ledger.lines().size();
        Tallies tallies = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> new Tallies(window, lineCount, segmentBy != null),
                (t, c) -> t.add(ledger, c, segmentBy),
                Tallies::merge);

        WindowMetrics metrics = tallies.overall.metrics();
        List<SegmentMetrics> segments = new ArrayList<>();
        if (segmentBy != null) {
            tallies.bySegment.forEach((value, tally) ->
                    segments.add(new SegmentMetrics(value, tally.metrics(), tally.byProductLine(ledger.lines()))));
            segments.sort(Comparator.comparing(SegmentMetrics::segment, Comparator.nullsLast(Comparator.naturalOrder())));
        }
        return new CrossSellReport(window, ledger.currency(), metrics, tallies.overall.byProductLine(ledger.lines()),
                Benchmark.assess(metrics.productsPerCustomer(), metrics.annualizedCrossSellRatePct()),
                segmentBy, segments);
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

    private static final class Tallies {
        private final Window window;
        private final int lineCount;
        private final WindowTally overall;
        private final Map<String, WindowTally> bySegment;

        Tallies(Window window, int lineCount, boolean segmented) {
            this.window = window;
            this.lineCount = lineCount;
            this.overall = new WindowTally(window, lineCount);
            this.bySegment = segmented ? new HashMap<>() : Map.of();
        }

        void add(MrrLedger ledger, int customer, String segmentBy) {
            MrrTimeline timeline = ledger.timeline(customer);
            overall.add(timeline, ledger.charges(customer));
            if (segmentBy != null) {
                String value = ledger.customer(customer).attribute(segmentBy);
                bySegment.computeIfAbsent(value, v -> new WindowTally(window, lineCount))
                        .add(timeline, ledger.charges(customer));
            }
        }

        void merge(Tallies other) {
            overall.merge(other.overall);
            other.bySegment.forEach((value, tally) -> bySegment.merge(value, tally, WindowTally::merge));
        }
    }
}
