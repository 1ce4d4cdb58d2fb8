package io.xsell.core.analytics;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.Product;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.MrrTimeline;
import io.xsell.core.mrr.ProductLineRef;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Customer lifetime value over a window: {@code CLV = ARPA × gross margin × lifetime months},
 * overall and for single- versus multi-line customers.
 *
 * <p>A customer's group is the number of lines it holds on the day each figure is measured:
 * on the window's end state day for ARPA and gross margin (those are end-state figures), on its
 * start state day for churn (the customers at risk are those of the start, and a churned customer
 * holds nothing at the end). A single-line customer that cross-sells inside the window is thus
 * a retained single-line customer for churn and a multi-line customer for ARPA.
 *
 * @param windowMonths       {@code window.days() × 12 / 365}
 * @param defaultGrossMargin margin used for lines with no agreed product margin
 * @param grossMarginByLine  the margin applied to each product line, in line name order
 */
public record LifetimeValue(Window window, BigDecimal windowMonths, BigDecimal defaultGrossMargin,
                            Map<String, BigDecimal> grossMarginByLine,
                            Figures overall, Figures singleLine, Figures multiLine) {
    /** The contract's default gross margin. */
    public static final BigDecimal DEFAULT_GROSS_MARGIN = new BigDecimal("0.80");

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    public LifetimeValue {
        grossMarginByLine = Collections.unmodifiableMap(new LinkedHashMap<>(grossMarginByLine));
    }

    /**
     * The figures of one group. Every derived value is null when its denominator is zero.
     *
     * @param startingCustomers customers of the group active on the window's start state day
     * @param churnedCustomers  of those, the ones not active on the end state day
     * @param endingCustomers   customers of the group active on the end state day
     * @param endingMrr         their MRR on that day
     * @param arpa              {@code endingMrr / endingCustomers}
     * @param grossMargin       MRR-weighted margin of the lines they hold: {@code Σ MRR(L) × margin(L) / endingMrr}
     * @param monthlyChurnRate  {@code churnedCustomers / startingCustomers / windowMonths}, a fraction (0.05 = 5 %)
     * @param lifetimeMonths    {@code 1 / monthlyChurnRate}; null when nobody churned
     * @param clv               {@code arpa × grossMargin × lifetimeMonths}
     */
    public record Figures(int startingCustomers, int churnedCustomers, int endingCustomers, BigDecimal endingMrr,
                          BigDecimal arpa, BigDecimal grossMargin, BigDecimal monthlyChurnRate,
                          BigDecimal lifetimeMonths, BigDecimal clv) {
    }

    /** As {@link #of(MrrLedger, List, Window, BigDecimal)} with the dataset's own products. */
    public static LifetimeValue of(MrrLedger ledger, TenantDataset dataset, Window window,
                                   BigDecimal defaultGrossMargin) {
        return of(ledger, dataset.products(), window, defaultGrossMargin);
    }

    /**
     * @param products           the catalogue the ledger was priced from; only their line and
     *                           {@code grossMargin} are read
     * @param defaultGrossMargin 0..1, usually {@link #DEFAULT_GROSS_MARGIN} or the tenant's setting
     */
    public static LifetimeValue of(MrrLedger ledger, List<Product> products, Window window,
                                   BigDecimal defaultGrossMargin) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(defaultGrossMargin, "defaultGrossMargin");
        if (defaultGrossMargin.signum() < 0 || defaultGrossMargin.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("default gross margin must be between 0 and 1, was "
                    + defaultGrossMargin);
        }
        BigDecimal[] margins = marginsByLine(ledger.lines(), products, defaultGrossMargin);
        int start = window.startStateDay();
        int end = window.endStateDay();
        Tally tally = IntStream.range(0, ledger.customerCount()).parallel().collect(
                Tally::new, (t, c) -> t.add(ledger.timeline(c), start, end, margins), Tally::merge);

        // window months = days × 12 / 365; kept as the exact fraction in the churn rate below so
        // that the rate and the lifetime each cost a single rounding
        BigDecimal monthsNumerator = BigDecimal.valueOf(window.days()).multiply(TWELVE);
        BigDecimal windowMonths = monthsNumerator.divide(DAYS_PER_YEAR, Decimals.MC);
        Map<String, BigDecimal> byName = new LinkedHashMap<>();
        for (ProductLineRef line : ledger.lines()) {
            byName.put(line.name(), margins[line.index()]);
        }
        return new LifetimeValue(window, windowMonths, defaultGrossMargin, byName,
                tally.groups[OVERALL].figures(monthsNumerator), tally.groups[SINGLE].figures(monthsNumerator),
                tally.groups[MULTI].figures(monthsNumerator));
    }

    /**
     * A line's margin is the margin its products declare when every product of the line that
     * declares one declares the same value (compared numerically); a line whose products declare
     * none, or disagree, gets the default: picking one of conflicting values would be arbitrary.
     */
    static BigDecimal[] marginsByLine(List<ProductLineRef> lines, List<Product> products, BigDecimal defaultMargin) {
        Map<String, BigDecimal> declared = new HashMap<>();
        Map<String, Boolean> conflicting = new HashMap<>();
        for (Product p : products) {
            if (p.grossMargin() == null) {
                continue;
            }
            BigDecimal previous = declared.putIfAbsent(p.productLine(), p.grossMargin());
            if (previous != null && previous.compareTo(p.grossMargin()) != 0) {
                conflicting.put(p.productLine(), Boolean.TRUE);
            }
        }
        BigDecimal[] margins = new BigDecimal[lines.size()];
        for (ProductLineRef line : lines) {
            BigDecimal margin = declared.get(line.name());
            margins[line.index()] = margin == null || conflicting.containsKey(line.name()) ? defaultMargin : margin;
        }
        return margins;
    }

    private static final int OVERALL = 0;
    private static final int SINGLE = 1;
    private static final int MULTI = 2;

    private static final class Group {
        int starting;
        int churned;
        int ending;
        BigDecimal endingMrr = BigDecimal.ZERO;
        BigDecimal marginMrr = BigDecimal.ZERO;

        void merge(Group other) {
            starting += other.starting;
            churned += other.churned;
            ending += other.ending;
            endingMrr = endingMrr.add(other.endingMrr);
            marginMrr = marginMrr.add(other.marginMrr);
        }

        Figures figures(BigDecimal monthsNumerator) {
            BigDecimal arpa = Decimals.ratio(endingMrr, ending);
            BigDecimal margin = Decimals.ratio(marginMrr, endingMrr);
            // churned / starting / (days × 12 / 365) = churned × 365 / (starting × days × 12)
            BigDecimal exposure = BigDecimal.valueOf(starting).multiply(monthsNumerator);
            BigDecimal lost = BigDecimal.valueOf(churned).multiply(DAYS_PER_YEAR);
            BigDecimal churnRate = Decimals.ratio(lost, exposure);
            BigDecimal lifetime = churned == 0 ? null : Decimals.ratio(exposure, lost);
            BigDecimal clv = arpa == null || margin == null || lifetime == null
                    ? null : arpa.multiply(margin, Decimals.MC).multiply(lifetime, Decimals.MC);
            return new Figures(starting, churned, ending, endingMrr, arpa, margin, churnRate, lifetime, clv);
        }
    }

    private static final class Tally {
        final Group[] groups = {new Group(), new Group(), new Group()};

        void add(MrrTimeline timeline, int start, int end, BigDecimal[] margins) {
            int startLines = timeline.linesHeldOn(start);
            BigDecimal[] endByLine = timeline.mrrByLineOn(end);
            int endLines = timeline.linesHeldOn(end);
            if (startLines > 0) {
                boolean churned = endLines == 0;
                count(groups[OVERALL], churned);
                count(groups[startLines == 1 ? SINGLE : MULTI], churned);
            }
            if (endLines > 0) {
                BigDecimal mrr = BigDecimal.ZERO;
                BigDecimal marginMrr = BigDecimal.ZERO;
                for (int l = 0; l < endByLine.length; l++) {
                    if (endByLine[l].signum() > 0) {
                        mrr = mrr.add(endByLine[l]);
                        marginMrr = marginMrr.add(endByLine[l].multiply(margins[l]));
                    }
                }
                end(groups[OVERALL], mrr, marginMrr);
                end(groups[endLines == 1 ? SINGLE : MULTI], mrr, marginMrr);
            }
        }

        private static void count(Group group, boolean churned) {
            group.starting++;
            if (churned) {
                group.churned++;
            }
        }

        private static void end(Group group, BigDecimal mrr, BigDecimal marginMrr) {
            group.ending++;
            group.endingMrr = group.endingMrr.add(mrr);
            group.marginMrr = group.marginMrr.add(marginMrr);
        }

        void merge(Tally other) {
            for (int g = 0; g < groups.length; g++) {
                groups[g].merge(other.groups[g]);
            }
        }
    }
}
