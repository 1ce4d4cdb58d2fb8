package io.xsell.core.analytics;

import io.xsell.core.movement.Movement;
import io.xsell.core.movement.MovementType;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.MrrTimeline;
import io.xsell.core.mrr.PricedCharge;
import io.xsell.core.mrr.PricedItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Retention of the customers who bought another line in calendar month {@code m} (the attached
 * cohort) against the customers of that month who stayed on one line (the single-line cohort),
 * measured on the last day of each of the 12 following months.
 *
 * <p>Attached: at least one {@code cross_sell} movement dated inside {@code m}, whatever happened
 * afterwards in {@code m}. Single-line: no {@code cross_sell} in {@code m} and exactly one line
 * held on the last day of {@code m} (which makes the customer active in {@code m}).
 *
 * @param month                  the cohort month {@code m}
 * @param attachedCustomers      size of the attached cohort
 * @param singleLineCustomers    size of the single-line cohort
 * @param points                 one per month {@code m+1 .. m+12}, in order; a point whose day is after
 *                               the data's last day (the latest item start or charge day in the data) has
 *                               null rates: the data cannot know yet who is still there
 */
public record AttachedCohortRetention(YearMonth month, int attachedCustomers, int singleLineCustomers,
                                      List<Point> points) {
    public static final int HORIZON_MONTHS = 12;

    public AttachedCohortRetention {
        points = List.copyOf(points);
    }

    /**
     * Retention {@code monthsAfter} months after the cohort month, on {@code day} (the last day of
     * month {@code m + monthsAfter}). Percentages of the cohort size; null when the cohort is empty.
     *
     * @param attachedLogoRetentionPct   attached customers active on {@code day}
     * @param attachedLineRetentionPct   attached customers still holding every line they cross-sold in {@code m}
     * @param singleLineLogoRetentionPct single-line customers active on {@code day}
     * @param attachedActive             attached customers active on {@code day} (the count behind the first rate)
     * @param singleLineActive           single-line customers active on {@code day}
     */
    public record Point(int monthsAfter, LocalDate day, BigDecimal attachedLogoRetentionPct,
                        BigDecimal attachedLineRetentionPct, BigDecimal singleLineLogoRetentionPct,
                        int attachedActive, int singleLineActive) {
    }

    public static AttachedCohortRetention of(MrrLedger ledger, YearMonth month) {
        Tally tally = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> tally(ledger, month), (t, c) -> t.add(ledger.timeline(c), ledger.items(c), ledger.charges(c)),
                Tally::merge);
        return tally.result();
    }

    /**
     * An empty tally of the cohorts of {@code month}, for callers that compute several analytics in
     * one pass over the customers and build each timeline once ({@link #of} is one such pass).
     */
    public static Tally tally(MrrLedger ledger, YearMonth month) {
        Objects.requireNonNull(month, "month");
        return new Tally(month, ledger.lines().size());
    }

    /** The cohort counts of the customers added so far; not thread-safe, merge one per thread. */
    public static final class Tally {
        private final YearMonth month;
        private final int first;
        private final int last;
        private final int[] ends = new int[HORIZON_MONTHS];
        private final int lineCount;
        private final Counts counts = new Counts();

        private Tally(YearMonth month, int lineCount) {
            this.month = month;
            this.lineCount = lineCount;
            this.first = Math.toIntExact(month.atDay(1).toEpochDay());
            this.last = Math.toIntExact(month.atEndOfMonth().toEpochDay());
            for (int k = 1; k <= HORIZON_MONTHS; k++) {
                ends[k - 1] = Math.toIntExact(month.plusMonths(k).atEndOfMonth().toEpochDay());
            }
        }

        /** Adds a customer without looking at its items: the data's last day is then not known (no point is hidden). */
        public void add(MrrTimeline timeline) {
            counts.add(timeline, first, last, ends, lineCount);
        }

        /** Adds a customer and takes its items and charges into the data's last day. */
        public void add(MrrTimeline timeline, PricedItem[] items, PricedCharge[] charges) {
            counts.add(timeline, first, last, ends, lineCount);
            counts.see(items, charges);
        }

        public Tally merge(Tally other) {
            counts.merge(other.counts);
            return this;
        }

        public AttachedCohortRetention result() {
            List<Point> points = new ArrayList<>(HORIZON_MONTHS);
            for (int k = 0; k < HORIZON_MONTHS; k++) {
                if (ends[k] > counts.lastDay) {
                    points.add(new Point(k + 1, LocalDate.ofEpochDay(ends[k]), null, null, null, 0, 0));
                    continue;
                }
                points.add(new Point(k + 1, LocalDate.ofEpochDay(ends[k]),
                        Decimals.percent(counts.attachedLogo[k], counts.attached),
                        Decimals.percent(counts.attachedLine[k], counts.attached),
                        Decimals.percent(counts.singleLogo[k], counts.single), counts.attachedLogo[k],
                        counts.singleLogo[k]));
            }
            return new AttachedCohortRetention(month, counts.attached, counts.single, points);
        }
    }

    private static final class Counts {
        int attached;
        int single;
        /** The latest item start or charge day seen; unbounded when items are not looked at. */
        int lastDay = Integer.MAX_VALUE;
        private boolean seenItems;
        final int[] attachedLogo = new int[HORIZON_MONTHS];
        final int[] attachedLine = new int[HORIZON_MONTHS];
        final int[] singleLogo = new int[HORIZON_MONTHS];

        void add(MrrTimeline timeline, int first, int last, int[] ends, int lineCount) {
            boolean[] crossSold = null;
            for (Movement m : timeline.movements()) {
                if (m.day() > last) {
                    break; // movements are in day order
                }
                if (m.day() >= first && m.type() == MovementType.CROSS_SELL) {
                    if (crossSold == null) {
                        crossSold = new boolean[lineCount];
                    }
                    crossSold[m.line()] = true;
                }
            }
            if (crossSold != null) {
                attached++;
                for (int k = 0; k < ends.length; k++) {
                    BigDecimal[] byLine = timeline.mrrByLineOn(ends[k]);
                    if (holdsAny(byLine)) {
                        attachedLogo[k]++;
                        if (holdsAll(byLine, crossSold)) {
                            attachedLine[k]++;
                        }
                    }
                }
            } else if (timeline.linesHeldOn(last) == 1) {
                single++;
                for (int k = 0; k < ends.length; k++) {
                    if (timeline.mrrOn(ends[k]).signum() > 0) {
                        singleLogo[k]++;
                    }
                }
            }
        }

        void see(PricedItem[] items, PricedCharge[] charges) {
            if (!seenItems) {
                seenItems = true;
                lastDay = Integer.MIN_VALUE;
            }
            for (PricedItem item : items) {
                lastDay = Math.max(lastDay, item.activeFrom());
            }
            for (PricedCharge charge : charges) {
                lastDay = Math.max(lastDay, charge.day());
            }
        }

        void merge(Counts other) {
            if (other.seenItems) {
                lastDay = seenItems ? Math.max(lastDay, other.lastDay) : other.lastDay;
                seenItems = true;
            }
            attached += other.attached;
            single += other.single;
            for (int k = 0; k < HORIZON_MONTHS; k++) {
                attachedLogo[k] += other.attachedLogo[k];
                attachedLine[k] += other.attachedLine[k];
                singleLogo[k] += other.singleLogo[k];
            }
        }
    }

    private static boolean holdsAny(BigDecimal[] byLine) {
        for (BigDecimal v : byLine) {
            if (v.signum() > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsAll(BigDecimal[] byLine, boolean[] lines) {
        for (int l = 0; l < lines.length; l++) {
            if (lines[l] && byLine[l].signum() <= 0) {
                return false;
            }
        }
        return true;
    }
}
