package io.xsell.core.analytics;

import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.MrrTimeline;
import io.xsell.core.mrr.ProductLineRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Which product lines are held together on a day, and in which order customers adopt lines.
 *
 * @param date            the day the basket is taken on
 * @param activeCustomers customers with total MRR &gt; 0 on {@code date}
 * @param pairs           every unordered pair of lines that at least one customer holds together on
 *                        {@code date}, line A before line B by name, ordered by A then B
 * @param sequences       (first line, second line) adoption pairs whose second line started on or
 *                        before {@code date} (or over the whole history), most customers first, then
 *                        by first and second line name; same-day starts are {@code bought_together}
 */
public record BasketAnalysis(LocalDate date, long activeCustomers, List<LinePair> pairs,
                             List<AdoptionSequence> sequences) {

    public BasketAnalysis {
        Objects.requireNonNull(date, "date");
        pairs = List.copyOf(pairs);
        sequences = List.copyOf(sequences);
    }

    /**
     * One unordered pair of lines on the basket day. Lift is symmetric
     * ({@code both × active / (holdersA × holdersB)}), so there is one.
     *
     * @param support        holdersBoth / active customers
     * @param confidenceAToB holdersBoth / holdersA
     * @param confidenceBToA holdersBoth / holdersB
     * @param lift           confidenceAToB / penetration(B), penetration(B) = holdersB / active
     */
    public record LinePair(String lineA, String lineB, long holdersA, long holdersB, long holdersBoth,
                           BigDecimal support, BigDecimal confidenceAToB, BigDecimal confidenceBToA,
                           BigDecimal lift) {
    }

    /**
     * Customers whose first line ever held was {@code firstLine} and second was {@code secondLine}.
     * When both started on the same day there is no order: the sequence is {@code boughtTogether},
     * its lines in name order and its days between 0.
     *
     * @param medianDaysBetween median of (second line's first day held - first line's first day held)
     */
    public record AdoptionSequence(String firstLine, String secondLine, boolean boughtTogether, long customers,
                                   BigDecimal medianDaysBetween) {
    }

    /**
     * The basket on {@code date} and the adoption sequences whose second line started on or before
     * {@code date}, in one pass over customers: what happens after {@code date} does not change it.
     */
    public static BasketAnalysis on(MrrLedger ledger, LocalDate date) {
        return on(ledger, date, false);
    }

    /**
     * @param allTime when true, the sequences take the whole history, including adoptions after
     *                {@code date} (the {@code scope=all_time} of the API)
     */
    public static BasketAnalysis on(MrrLedger ledger, LocalDate date, boolean allTime) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(date, "date");
        int day = Math.toIntExact(date.toEpochDay());
        int sequenceLimit = allTime ? Integer.MAX_VALUE : day;
        int lineCount = ledger.lines().size();
        Tally tally = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> new Tally(lineCount),
                (t, c) -> t.add(ledger.timeline(c), day, sequenceLimit),
                Tally::merge);
        List<ProductLineRef> lines = ledger.lines();
        return new BasketAnalysis(date, tally.active, tally.pairs(lines), tally.sequences(lines));
    }

    /** One thread's counts. Pair counts and gap samples are indexed {@code a * lineCount + b}. */
    private static final class Tally {
        private final int lineCount;
        private final long[] holders;
        private final long[] both;
        private final IntSamples[] gaps;
        /** Customers whose first two lines started on the same day, by (earlier name, later name). */
        private final long[] together;
        private final int[] held;
        private long active;

        Tally(int lineCount) {
            this.lineCount = lineCount;
            this.holders = new long[lineCount];
            this.both = new long[lineCount * lineCount];
            this.gaps = new IntSamples[lineCount * lineCount];
            this.together = new long[lineCount * lineCount];
            this.held = new int[lineCount];
        }

        void add(MrrTimeline timeline, int day, int sequenceLimit) {
            addBasket(timeline, day);
            addSequence(timeline, sequenceLimit);
        }

        private void addBasket(MrrTimeline timeline, int day) {
            if (timeline.mrrOn(day).signum() <= 0) {
                return;
            }
            active++;
            BigDecimal[] mrr = timeline.mrrByLineOn(day);
            int count = 0;
            for (int l = 0; l < lineCount; l++) {
                if (mrr[l].signum() > 0) {
                    held[count++] = l;
                    holders[l]++;
                }
            }
            for (int i = 0; i < count; i++) {
                for (int j = i + 1; j < count; j++) {
                    both[held[i] * lineCount + held[j]]++;
                }
            }
        }

        /**
         * Walks the change days in order; within a day lines are visited by index, which is name
         * order, so ties on the first day held go to the earlier name. Stops as soon as two lines
         * are known: any line found later was adopted later.
         */
        private void addSequence(MrrTimeline timeline, int limit) {
            int first = -1;
            int firstDay = 0;
            for (int day : timeline.changeDays()) {
                if (day > limit) {
                    return;
                }
                BigDecimal[] mrr = timeline.mrrByLineOn(day);
                for (int l = 0; l < lineCount; l++) {
                    if (mrr[l].signum() <= 0 || l == first) {
                        continue;
                    }
                    if (first < 0) {
                        first = l;
                        firstDay = day;
                    } else {
                        int index = first * lineCount + l;
                        if (day == firstDay) {
                            // same day: no order to report; lines are visited in name order, so first < l
                            together[index]++;
                            return;
                        }
                        if (gaps[index] == null) {
                            gaps[index] = new IntSamples();
                        }
                        gaps[index].add(day - firstDay);
                        return;
                    }
                }
            }
        }

        void merge(Tally other) {
            active += other.active;
            for (int l = 0; l < lineCount; l++) {
                holders[l] += other.holders[l];
            }
            for (int i = 0; i < both.length; i++) {
                both[i] += other.both[i];
                together[i] += other.together[i];
                if (other.gaps[i] != null) {
                    if (gaps[i] == null) {
                        gaps[i] = new IntSamples();
                    }
                    gaps[i].addAll(other.gaps[i]);
                }
            }
        }

        List<LinePair> pairs(List<ProductLineRef> lines) {
            List<LinePair> result = new ArrayList<>();
            for (int a = 0; a < lineCount; a++) {
                for (int b = a + 1; b < lineCount; b++) {
                    long n = both[a * lineCount + b];
                    if (n == 0) {
                        continue;
                    }
                    long ha = holders[a];
                    long hb = holders[b];
                    // one division for lift instead of dividing two rounded ratios: exact to 34 digits
                    BigDecimal lift = Decimals.ratio(BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(active)),
                            BigDecimal.valueOf(ha).multiply(BigDecimal.valueOf(hb)));
                    result.add(new LinePair(lines.get(a).name(), lines.get(b).name(), ha, hb, n,
                            Decimals.ratio(n, active), Decimals.ratio(n, ha), Decimals.ratio(n, hb), lift));
                }
            }
            return result;
        }

        List<AdoptionSequence> sequences(List<ProductLineRef> lines) {
            List<AdoptionSequence> result = new ArrayList<>();
            for (int i = 0; i < gaps.length; i++) {
                String a = lines.get(i / lineCount).name();
                String b = lines.get(i % lineCount).name();
                if (gaps[i] != null) {
                    result.add(new AdoptionSequence(a, b, false, gaps[i].size(), Percentiles.median(gaps[i].sorted())));
                }
                if (together[i] > 0) {
                    result.add(new AdoptionSequence(a, b, true, together[i], BigDecimal.ZERO));
                }
            }
            result.sort(Comparator.comparingLong(AdoptionSequence::customers).reversed()
                    .thenComparing(AdoptionSequence::firstLine).thenComparing(AdoptionSequence::secondLine)
                    .thenComparing(AdoptionSequence::boughtTogether));
            return result;
        }
    }
}
