package io.xsell.core.metrics;

import io.xsell.core.movement.Movement;
import io.xsell.core.movement.MovementType;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrTimeline;
import io.xsell.core.mrr.PricedCharge;
import io.xsell.core.mrr.ProductLineRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Running sums of one set of customers over one window. Customers are added one at a time and
 * partial tallies merge, so a report over a million customers runs in parallel without sharing
 * mutable state. Sums are exact (unrounded BigDecimal addition).
 */
final class WindowTally {
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);
    private static final MovementType[] TYPES = MovementType.values();

    private final Window window;
    private final int startDay;
    private final int endDay;
    private final int lineCount;
    private BigDecimal startingMrr = BigDecimal.ZERO;
    private BigDecimal endingMrr = BigDecimal.ZERO;
    private BigDecimal cohortEndingMrr = BigDecimal.ZERO;
    /** Contraction, line churn and churn of the starting cohort in the window (negative), for GRR. */
    private BigDecimal cohortLosses = BigDecimal.ZERO;
    private long startingCustomers;
    private long endingCustomers;
    private final BigDecimal[] byType = zeros(TYPES.length);
    private BigDecimal bundleCrossSell = BigDecimal.ZERO;
    private BigDecimal cohortCrossSell = BigDecimal.ZERO;
    private long cohortCustomersWithCrossSell;
    private long cohortAttaches;
    private long attaches;
    private long linesHeldAtEnd;
    private BigDecimal oneTimeRevenue = BigDecimal.ZERO;
    private final BigDecimal[] lineCrossSell;
    private final BigDecimal[] lineUpsell;
    private final BigDecimal[] lineLineChurn;
    private final long[] lineAttaches;
    private final long[] lineHolders;

    WindowTally(Window window, int lineCount) {
        this.window = window;
        this.startDay = window.startStateDay();
        this.endDay = window.endStateDay();
        this.lineCount = lineCount;
        this.lineCrossSell = zeros(lineCount);
        this.lineUpsell = zeros(lineCount);
        this.lineLineChurn = zeros(lineCount);
        this.lineAttaches = new long[lineCount];
        this.lineHolders = new long[lineCount];
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }

    void add(MrrTimeline timeline, PricedCharge[] charges) {
        BigDecimal start = timeline.mrrOn(startDay);
        BigDecimal end = timeline.mrrOn(endDay);
        boolean inCohort = start.signum() > 0;
        if (inCohort) {
            startingCustomers++;
            startingMrr = startingMrr.add(start);
            cohortEndingMrr = cohortEndingMrr.add(end);
        }
        if (end.signum() > 0) {
            endingCustomers++;
            endingMrr = endingMrr.add(end);
            BigDecimal[] held = timeline.mrrByLineOn(endDay);
            for (int line = 0; line < lineCount; line++) {
                if (held[line].signum() > 0) {
                    linesHeldAtEnd++;
                    lineHolders[line]++;
                }
            }
        }
        boolean crossSold = false;
        for (Movement m : timeline.movements()) {
            if (m.day() <= startDay) {
                continue;
            }
            if (m.day() > endDay) {
                break;
            }
            byType[m.type().ordinal()] = byType[m.type().ordinal()].add(m.amount());
            if (inCohort && m.type().isLoss()) {
                cohortLosses = cohortLosses.add(m.amount());
            }
            switch (m.type()) {
                case CROSS_SELL -> {
                    attaches++;
                    lineAttaches[m.line()]++;
                    lineCrossSell[m.line()] = lineCrossSell[m.line()].add(m.amount());
                    if (m.bundleDriven()) {
                        bundleCrossSell = bundleCrossSell.add(m.amount());
                    }
                    if (inCohort) {
                        cohortCrossSell = cohortCrossSell.add(m.amount());
                        cohortAttaches++;
                        crossSold = true;
                    }
                }
                case UPSELL -> lineUpsell[m.line()] = lineUpsell[m.line()].add(m.amount());
                case LINE_CHURN -> lineLineChurn[m.line()] = lineLineChurn[m.line()].add(m.amount());
                default -> {
                }
            }
        }
        if (crossSold) {
            cohortCustomersWithCrossSell++;
        }
        for (PricedCharge charge : charges) {
            if (charge.day() > startDay && charge.day() <= endDay) {
                oneTimeRevenue = oneTimeRevenue.add(charge.amount());
            }
        }
    }

    WindowTally merge(WindowTally other) {
        startingMrr = startingMrr.add(other.startingMrr);
        endingMrr = endingMrr.add(other.endingMrr);
        cohortEndingMrr = cohortEndingMrr.add(other.cohortEndingMrr);
        cohortLosses = cohortLosses.add(other.cohortLosses);
        startingCustomers += other.startingCustomers;
        endingCustomers += other.endingCustomers;
        for (int t = 0; t < byType.length; t++) {
            byType[t] = byType[t].add(other.byType[t]);
        }
        bundleCrossSell = bundleCrossSell.add(other.bundleCrossSell);
        cohortCrossSell = cohortCrossSell.add(other.cohortCrossSell);
        cohortCustomersWithCrossSell += other.cohortCustomersWithCrossSell;
        cohortAttaches += other.cohortAttaches;
        attaches += other.attaches;
        linesHeldAtEnd += other.linesHeldAtEnd;
        oneTimeRevenue = oneTimeRevenue.add(other.oneTimeRevenue);
        for (int line = 0; line < lineCount; line++) {
            lineCrossSell[line] = lineCrossSell[line].add(other.lineCrossSell[line]);
            lineUpsell[line] = lineUpsell[line].add(other.lineUpsell[line]);
            lineLineChurn[line] = lineLineChurn[line].add(other.lineLineChurn[line]);
            lineAttaches[line] += other.lineAttaches[line];
            lineHolders[line] += other.lineHolders[line];
        }
        return this;
    }

    private BigDecimal sum(MovementType type) {
        return byType[type.ordinal()];
    }

    WindowMetrics metrics() {
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
                Decimals.percent(startingMrr.add(cohortLosses), startingMrr),
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
            result.add(new ProductLineMetrics(line.name(), line.kind(), lineCrossSell[i],
                    Decimals.percent(lineCrossSell[i], totalCrossSell), lineAttaches[i], lineHolders[i],
                    Decimals.percent(lineHolders[i], endingCustomers), lineUpsell[i], lineLineChurn[i]));
        }
        result.sort(Comparator.comparing(ProductLineMetrics::crossSellMrr).reversed()
                .thenComparing(ProductLineMetrics::productLine));
        return result;
    }
}
