package io.xsell.core.metrics;

import io.xsell.core.movement.MovementType;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.PricedCharge;
import io.xsell.core.mrr.ProductLineRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Running sums of one set of customers over one window. Customers are added one at a time and
 * partial tallies merge, so a report over a million customers runs in parallel without sharing
 * mutable state. Sums are exact (unrounded, as {@code BigDecimal} addition gives them, scale included).
 *
 * <p>This class holds the counts and decides, once for every representation of amounts, which sums
 * each customer's totals and movements add to ("slots"); a subclass holds the sums themselves:
 * {@link DecimalWindowTally} as {@code BigDecimal}s from an {@code MrrTimeline},
 * {@link FixedWindowTally} in fixed point from a {@code WindowScan}. A customer is added as
 * {@link #beginCustomer}, {@link #movement} for each movement in the window, {@link #endCustomer}
 * and {@link #holdsAtEnd} for each line held on the end-state day; each of the first three returns
 * how many slots of {@link #slots} the amount at hand adds to.
 */
abstract class WindowTally {
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);
    private static final MovementType[] TYPES = MovementType.values();
    /** Slots {@code 0 .. TYPES.length - 1} are the sums by movement type, by ordinal. */
    private static final int STARTING = TYPES.length;
    private static final int ENDING = STARTING + 1;
    private static final int COHORT_ENDING = STARTING + 2;
    /** Contraction, line churn and churn of the starting cohort in the window (negative), for GRR. */
    private static final int COHORT_LOSSES = STARTING + 3;
    private static final int BUNDLE_CROSS_SELL = STARTING + 4;
    private static final int COHORT_CROSS_SELL = STARTING + 5;
    /** Then per line: its cross-sell, upsell and line churn. */
    private static final int LINE_SLOTS = STARTING + 6;

    final Window window;
    final int startDay;
    final int endDay;
    final int lineCount;
    /** The slots the amount at hand adds to: the first n, n as the last call returned. */
    final int[] slots = new int[4];
    private long startingCustomers;
    private long endingCustomers;
    private long cohortCustomersWithCrossSell;
    private long cohortAttaches;
    private long attaches;
    private long linesHeldAtEnd;
    private BigDecimal oneTimeRevenue = BigDecimal.ZERO;
    private final long[] lineAttaches;
    private final long[] lineHolders;
    private boolean inCohort;
    private boolean crossSold;

    WindowTally(Window window, int lineCount) {
        this.window = window;
        this.startDay = window.startStateDay();
        this.endDay = window.endStateDay();
        this.lineCount = lineCount;
        this.lineAttaches = new long[lineCount];
        this.lineHolders = new long[lineCount];
    }

    /** How many sums a tally of {@code lineCount} lines keeps. */
    static int slotCount(int lineCount) {
        return LINE_SLOTS + 3 * lineCount;
    }

    /** Whether a movement or charge on {@code day} falls in the window. */
    final boolean inWindow(int day) {
        return day > startDay && day <= endDay;
    }

    /** Starts a customer whose total MRR on the start-state day has sign {@code sign}; the slots of that total. */
    final int beginCustomer(int sign) {
        inCohort = sign > 0;
        crossSold = false;
        if (!inCohort) {
            return 0;
        }
        startingCustomers++;
        slots[0] = STARTING;
        return 1;
    }

    /** Counts a movement of the customer in the window; the slots of its amount. */
    final int movement(MovementType type, int line, boolean bundleDriven) {
        int n = 0;
        slots[n++] = type.ordinal();
        if (inCohort && type.isLoss()) {
            slots[n++] = COHORT_LOSSES;
        }
        switch (type) {
            case CROSS_SELL -> {
                attaches++;
                lineAttaches[line]++;
                slots[n++] = LINE_SLOTS + 3 * line;
                if (bundleDriven) {
                    slots[n++] = BUNDLE_CROSS_SELL;
                }
                if (inCohort) {
                    slots[n++] = COHORT_CROSS_SELL;
                    cohortAttaches++;
                    crossSold = true;
                }
            }
            case UPSELL -> slots[n++] = LINE_SLOTS + 3 * line + 1;
            case LINE_CHURN -> slots[n++] = LINE_SLOTS + 3 * line + 2;
            default -> {
            }
        }
        return n;
    }

    /**
     * Ends the customer, whose total MRR on the end-state day has sign {@code sign}; the slots of that
     * total. When the sign is positive, {@link #holdsAtEnd} follows for each line the customer holds.
     */
    final int endCustomer(int sign) {
        if (crossSold) {
            cohortCustomersWithCrossSell++;
        }
        int n = 0;
        if (inCohort) {
            slots[n++] = COHORT_ENDING;
        }
        if (sign > 0) {
            endingCustomers++;
            slots[n++] = ENDING;
        }
        return n;
    }

    /** The customer just ended holds {@code line} on the end-state day. */
    final void holdsAtEnd(int line) {
        linesHeldAtEnd++;
        lineHolders[line]++;
    }

    /** Adds the customer's one-time charges that fall in the window. */
    final void addCharges(PricedCharge[] charges) {
        for (PricedCharge charge : charges) {
            if (inWindow(charge.day())) {
                oneTimeRevenue = oneTimeRevenue.add(charge.amount());
            }
        }
    }

    /** Adds customer {@code customer}'s one-time charges of {@code ledger} that fall in the window. */
    final void addCharges(MrrLedger ledger, int customer) {
        oneTimeRevenue = ledger.addCharges(customer, startDay, endDay, oneTimeRevenue);
    }

    /** The exact sum in {@code slot}. */
    abstract BigDecimal sum(int slot);

    /** Adds {@code other}'s sums, slot by slot; {@code other} is of the same class. */
    abstract void mergeSums(WindowTally other);

    WindowTally merge(WindowTally other) {
        mergeSums(other);
        startingCustomers += other.startingCustomers;
        endingCustomers += other.endingCustomers;
        cohortCustomersWithCrossSell += other.cohortCustomersWithCrossSell;
        cohortAttaches += other.cohortAttaches;
        attaches += other.attaches;
        linesHeldAtEnd += other.linesHeldAtEnd;
        oneTimeRevenue = oneTimeRevenue.add(other.oneTimeRevenue);
        for (int line = 0; line < lineCount; line++) {
            lineAttaches[line] += other.lineAttaches[line];
            lineHolders[line] += other.lineHolders[line];
        }
        return this;
    }

    private BigDecimal sum(MovementType type) {
        return sum(type.ordinal());
    }

    WindowMetrics metrics() {
        BigDecimal startingMrr = sum(STARTING);
        BigDecimal endingMrr = sum(ENDING);
        BigDecimal cohortEndingMrr = sum(COHORT_ENDING);
        BigDecimal cohortCrossSell = sum(COHORT_CROSS_SELL);
        BigDecimal bundleCrossSell = sum(BUNDLE_CROSS_SELL);
        BigDecimal crossSell = sum(MovementType.CROSS_SELL);
        BigDecimal expansion = crossSell.add(sum(MovementType.UPSELL));
        BigDecimal rate = Decimals.percent(cohortCrossSell, startingMrr);
        BigDecimal annualized = rate == null ? null
                : rate.multiply(DAYS_PER_YEAR).divide(BigDecimal.valueOf(window.days()), Decimals.MC);
        return new WindowMetrics(
                startingMrr,
                endingMrr,
                startingCustomers,
                endingCustomers,
                sum(MovementType.NEW_BUSINESS),
                sum(MovementType.REACTIVATION),
                crossSell,
                sum(MovementType.UPSELL),
                sum(MovementType.CONTRACTION),
                sum(MovementType.LINE_CHURN),
                sum(MovementType.CHURN),
                cohortCrossSell,
                bundleCrossSell,
                crossSell.subtract(bundleCrossSell),
                expansion,
                Decimals.percent(crossSell, expansion),
                rate,
                annualized,
                Decimals.percent(cohortCustomersWithCrossSell, startingCustomers),
                Decimals.ratio(cohortCrossSell, startingCustomers),
                Decimals.ratio(cohortAttaches, startingCustomers),
                Decimals.ratio(linesHeldAtEnd, endingCustomers),
                endingMrr.subtract(startingMrr),
                cohortEndingMrr.subtract(startingMrr),
                attaches,
                oneTimeRevenue,
                endingMrr.multiply(MONTHS_PER_YEAR),
                Decimals.percent(cohortEndingMrr, startingMrr),
                Decimals.percent(startingMrr.add(sum(COHORT_LOSSES)), startingMrr),
                Decimals.ratio(gains(), losses().negate()));
    }

    private BigDecimal gains() {
        return sum(MovementType.NEW_BUSINESS).add(sum(MovementType.REACTIVATION)).add(sum(MovementType.CROSS_SELL))
                .add(sum(MovementType.UPSELL));
    }

    private BigDecimal losses() {
        return sum(MovementType.CONTRACTION).add(sum(MovementType.LINE_CHURN)).add(sum(MovementType.CHURN));
    }

    /** Per line, the biggest cross-sell first (then by name), as an analyst reads the table. */
    List<ProductLineMetrics> byProductLine(List<ProductLineRef> lines) {
        BigDecimal totalCrossSell = sum(MovementType.CROSS_SELL);
        List<ProductLineMetrics> result = new ArrayList<>(lines.size());
        for (ProductLineRef line : lines) {
            int i = line.index();
            BigDecimal lineCrossSell = sum(LINE_SLOTS + 3 * i);
            result.add(new ProductLineMetrics(line.name(), line.kind(), lineCrossSell,
                    Decimals.percent(lineCrossSell, totalCrossSell), lineAttaches[i], lineHolders[i],
                    Decimals.percent(lineHolders[i], endingCustomers), sum(LINE_SLOTS + 3 * i + 1),
                    sum(LINE_SLOTS + 3 * i + 2)));
        }
        result.sort(Comparator.comparing(ProductLineMetrics::crossSellMrr).reversed()
                .thenComparing(ProductLineMetrics::productLine));
        return result;
    }
}
