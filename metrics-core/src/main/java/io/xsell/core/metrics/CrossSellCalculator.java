package io.xsell.core.metrics;

import io.xsell.core.benchmark.Benchmark;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.MrrTimeline;
import io.xsell.core.mrr.WindowScan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Computes a {@link CrossSellReport} from a priced ledger in one parallel pass over customers:
 * each customer is added to the overall tally and to its segment's. The report computes in exact
 * fixed point when the ledger's amounts allow it (nearly always: see {@code FixedAmounts}), and with
 * the {@code BigDecimal}s of each customer's {@link MrrTimeline} otherwise; both give the same figures.
 */
public final class CrossSellCalculator {

    private CrossSellCalculator() {
    }

    /**
     * @param segmentBy customer attribute to segment on, or null for none
     * @throws UnknownAttributeException when no customer carries {@code segmentBy}
     */
    public static CrossSellReport report(MrrLedger ledger, Window window, String segmentBy) {
        CrossSellReport fixed = fixedPointReport(ledger, window, segmentBy);
        return fixed != null ? fixed : decimalReport(ledger, window, segmentBy);
    }

    /** The report computed with the {@code BigDecimal}s of each customer's {@link MrrTimeline}. */
    static CrossSellReport decimalReport(MrrLedger ledger, Window window, String segmentBy) {
        Tally tally = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> tally(ledger, window, segmentBy),
                (t, c) -> t.add(c, ledger.timeline(c)),
                Tally::merge);
        return tally.report();
    }

    /**
     * The report computed in exact fixed point ({@link WindowScan}, {@link FixedWindowTally}), without
     * a timeline per customer; null when the ledger's amounts have no fixed-point form or a sum left
     * its range, and then {@link #report} computes with {@code BigDecimal}. Equal to that
     * computation figure for figure, scales included.
     */
    static CrossSellReport fixedPointReport(MrrLedger ledger, Window window, String segmentBy) {
        if (segmentBy != null) {
            requireKnown(ledger, segmentBy);
        }
        if (ledger.windowScan(window.startStateDay(), window.endStateDay()) == null) {
            return null;
        }
        FixedPass pass = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> new FixedPass(ledger, window, segmentBy),
                FixedPass::add,
                FixedPass::merge);
        if (pass.tallies.overflowed()) {
            return null;
        }
        try {
            return pass.tallies.report(ledger, segmentBy);
        } catch (FixedWindowTally.OverflowException e) {
            return null; // the merge of the segments' sums into the overall ones left the range
        }
    }

    /** One thread's share of {@link #fixedPointReport}: its scan and its tallies. */
    private static final class FixedPass {
        private final MrrLedger ledger;
        private final String segmentBy;
        private final WindowScan scan;
        private final Tallies<FixedWindowTally> tallies;

        FixedPass(MrrLedger ledger, Window window, String segmentBy) {
            this.ledger = ledger;
            this.segmentBy = segmentBy;
            this.scan = ledger.windowScan(window.startStateDay(), window.endStateDay());
            int lineCount = ledger.lines().size();
            int fixedScale = scan.fixedScale();
            this.tallies = new Tallies<>(window, segmentBy != null,
                    () -> new FixedWindowTally(window, lineCount, fixedScale));
        }

        void add(int customer) {
            FixedWindowTally tally = tallies.of(ledger, customer, segmentBy);
            if (tally.overflowed()) {
                return;
            }
            if (scan.scan(customer)) {
                tally.add(scan, ledger, customer);
            } else {
                tally.overflow();
            }
        }

        void merge(FixedPass other) {
            tallies.merge(other.tallies);
        }
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
        private final Tallies<DecimalWindowTally> tallies;

        private Tally(MrrLedger ledger, Window window, String segmentBy) {
            this.ledger = ledger;
            this.segmentBy = segmentBy;
            int lineCount = ledger.lines().size();
            this.tallies = new Tallies<>(window, segmentBy != null, () -> new DecimalWindowTally(window, lineCount));
        }

        /** Adds customer {@code customer} of the ledger, whose timeline is {@code timeline}. */
        public void add(int customer, MrrTimeline timeline) {
            tallies.of(ledger, customer, segmentBy).add(timeline, ledger.charges(customer));
        }

        public Tally merge(Tally other) {
            tallies.merge(other.tallies);
            return this;
        }

        public CrossSellReport report() {
            return tallies.report(ledger, segmentBy);
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
    private static final class Tallies<T extends WindowTally> {
        private final Window window;
        private final boolean segmented;
        private final Supplier<T> empty;
        private final T all;
        private final Map<String, T> bySegment;

        Tallies(Window window, boolean segmented, Supplier<T> empty) {
            this.window = window;
            this.segmented = segmented;
            this.empty = empty;
            this.all = segmented ? null : empty.get();
            this.bySegment = segmented ? new HashMap<>() : Map.of();
        }

        /** The tally customer {@code customer} is added to. */
        T of(MrrLedger ledger, int customer, String segmentBy) {
            if (!segmented) {
                return all;
            }
            String value = ledger.customer(customer).attribute(segmentBy);
            T tally = bySegment.get(value); // not computeIfAbsent: no lambda per customer
            if (tally == null) {
                tally = empty.get();
                bySegment.put(value, tally);
            }
            return tally;
        }

        void merge(Tallies<T> other) {
            if (segmented) {
                other.bySegment.forEach((value, tally) -> bySegment.merge(value, tally, Tallies::merged));
            } else {
                all.merge(other.all);
            }
        }

        private static <T extends WindowTally> T merged(T tally, T other) {
            tally.merge(other);
            return tally;
        }

        /** Whether a fixed-point tally left its range (see {@link FixedWindowTally#overflowed()}). */
        boolean overflowed() {
            for (T tally : segmented ? bySegment.values() : List.of(all)) {
                if (tally instanceof FixedWindowTally fixed && fixed.overflowed()) {
                    return true;
                }
            }
            return false;
        }

        T overall() {
            if (!segmented) {
                return all;
            }
            T total = empty.get();
            bySegment.values().forEach(total::merge);
            return total;
        }

        CrossSellReport report(MrrLedger ledger, String segmentBy) {
            WindowTally overall = overall();
            WindowMetrics metrics = overall.metrics();
            List<SegmentMetrics> segments = new ArrayList<>();
            if (segmented) {
                bySegment.forEach((value, tally) ->
                        segments.add(new SegmentMetrics(value, tally.metrics(), tally.byProductLine(ledger.lines()))));
                segments.sort(Comparator.comparing(SegmentMetrics::segment, Comparator.nullsLast(Comparator.naturalOrder())));
            }
            return new CrossSellReport(window, ledger.currency(), metrics, overall.byProductLine(ledger.lines()),
                    Benchmark.assess(metrics.productsPerCustomer(), metrics.annualizedCrossSellRatePct()),
                    segmentBy, segments);
        }
    }
}
