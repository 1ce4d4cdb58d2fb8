package io.xsell.core.engagement;

import io.xsell.core.analytics.Percentiles;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.UsageLog;
import io.xsell.core.movement.Movement;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.PricedItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * How customers use the product in a window, and how that goes with cross-sell and churn. Only
 * events dated in the window and of customers the billing data knows count.
 *
 * <ul>
 * <li><b>Active customers</b>: total MRR &gt; 0 on at least one day of the window.</li>
 * <li><b>Feature usage frequency</b>: per feature, the events' counts by active customers /
 *     active customers / window months (window days x 12 / 365, the contract's months(day)).</li>
 * <li><b>Engagement depth</b>: distinct features an active customer used in the window; mean,
 *     median and the distribution 0, 1, 2, 3, 4+.</li>
 * <li><b>Quartiles</b>: the starting cohort (active on {@code from - 1}) ranked by its usage (sum of
 *     counts) in the window, ascending, ties kept in customer order, cut by rank into four groups
 *     as equal as possible (Q1 least engaged). Per quartile: the customer cross-sell rate (share with
 *     a {@code cross_sell} in the window), its cross-sell MRR, and logo churn (not active on
 *     {@code to - 1}). Usage and outcome share the window, so this shows association, not cause.</li>
 * </ul>
 */
public record EngagementReport(Window window, long activeCustomers, long customersWithUsage, long events,
                               List<FeatureUsage> features, Depth depth, List<Quartile> quartiles,
                               String quartilesReason) {
    /** Why the quartiles are empty: without usage nobody can be ranked by it. */
    public static final String NO_USAGE = "no starting customer used the product in the window: no engagement to rank by";


    public EngagementReport {
        Objects.requireNonNull(window, "window");
        features = List.copyOf(features);
        quartiles = List.copyOf(quartiles);
    }

    /**
     * @param customers active customers that used the feature in the window
     * @param usersPct  customers / active customers x 100
     */
    public record FeatureUsage(String feature, long customers, long events, BigDecimal usersPct,
                               BigDecimal eventsPerActiveCustomerPerMonth) {
    }

    /** @param distribution customers by distinct features used: index 0, 1, 2, 3 and 4 (4 or more) */
    public record Depth(BigDecimal meanFeatures, BigDecimal medianFeatures, List<Long> distribution) {
        public Depth {
            distribution = List.copyOf(distribution);
        }
    }

    /** @param quartile 1 (least engaged) to 4 */
    public record Quartile(int quartile, long customers, long minEvents, long maxEvents, long crossSellCustomers,
                           BigDecimal customerCrossSellRatePct, BigDecimal crossSellMrr, long churned,
                           BigDecimal churnRatePct) {
    }

    public static EngagementReport of(EngagementIndex index, Window window) {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(window, "window");
        MrrLedger ledger = index.ledger();
        UsageLog usage = index.usage();
        int features = usage.featureCount();
        int customers = ledger.customerCount();
        // per starting-cohort customer: usage score, cross-sold, cross-sell MRR, churned; -1 score for others
        Outcomes outcomes = new Outcomes(customers);
        Tally tally = IntStream.range(0, customers).parallel().collect(
                () -> new Tally(features),
                (t, c) -> t.add(index, c, window, outcomes),
                Tally::merge);

        BigDecimal months = BigDecimal.valueOf(window.days() * 12).divide(BigDecimal.valueOf(365), Decimals.MC);
        List<FeatureUsage> byFeature = new ArrayList<>(features);
        for (int f = 0; f < features; f++) {
            if (tally.featureUsers[f] == 0) {
                continue;
            }
            BigDecimal perCustomer = Decimals.ratio(tally.featureEvents[f], tally.active);
            byFeature.add(new FeatureUsage(usage.feature(f), tally.featureUsers[f], tally.featureEvents[f],
                    Decimals.percent(tally.featureUsers[f], tally.active),
                    perCustomer == null ? null : perCustomer.divide(months, Decimals.MC)));
        }
        byFeature.sort((a, b) -> a.feature().compareTo(b.feature()));

        int[] depths = Arrays.copyOf(tally.depths, (int) tally.active);
        Arrays.sort(depths);
        List<Long> distribution = new ArrayList<>(5);
        for (long count : tally.depthBuckets) {
            distribution.add(count);
        }
        Depth depth = new Depth(Decimals.ratio(tally.depthSum, tally.active), Percentiles.median(depths), distribution);
        List<Quartile> quartiles = quartiles(outcomes);
        return new EngagementReport(window, tally.active, tally.withUsage, tally.events, byFeature, depth,
                quartiles, quartiles.isEmpty() ? NO_USAGE : null);
    }

    /** Per customer of the starting cohort; written by one thread per customer, read after the collect. */
    private static final class Outcomes {
        final long[] score;
        final boolean[] crossSold;
        final boolean[] churned;
        final BigDecimal[] crossSellMrr;

        Outcomes(int customers) {
            score = new long[customers];
            crossSold = new boolean[customers];
            churned = new boolean[customers];
            crossSellMrr = new BigDecimal[customers];
        }

        void record(int c, EngagementIndex index, Window window) {
            PricedItem[] items = index.ledger().items(c);
            BigDecimal mrr = null;
            for (Movement m : index.crossSells(c)) {
                if (window.contains(m.day())) {
                    mrr = mrr == null ? m.amount() : mrr.add(m.amount());
                }
            }
            crossSold[c] = mrr != null;
            crossSellMrr[c] = mrr;
            churned[c] = !Activity.activeOn(items, window.endStateDay());
        }
    }

    private static List<Quartile> quartiles(Outcomes outcomes) {
        long[] score = outcomes.score;
        int cohort = 0;
        boolean anyUsage = false;
        for (long s : score) {
            if (s >= 0) {
                cohort++;
                anyUsage |= s > 0;
            }
        }
        if (!anyUsage) {
            return List.of();
        }
        // sort cohort customers by (score, customer index): pack both into one long
        long[] keys = new long[cohort];
        int at = 0;
        for (int c = 0; c < score.length; c++) {
            if (score[c] >= 0) {
                keys[at++] = Math.min(score[c], (1L << 31) - 1) << 32 | c;
            }
        }
        Arrays.parallelSort(keys);
        List<Quartile> result = new ArrayList<>(4);
        for (int q = 0; q < 4; q++) {
            int from = (int) ((long) cohort * q / 4);
            int to = (int) ((long) cohort * (q + 1) / 4);
            long sold = 0;
            long churned = 0;
            BigDecimal mrr = BigDecimal.ZERO;
            for (int i = from; i < to; i++) {
                int c = (int) keys[i];
                if (outcomes.crossSold[c]) {
                    sold++;
                    mrr = mrr.add(outcomes.crossSellMrr[c]);
                }
                if (outcomes.churned[c]) {
                    churned++;
                }
            }
            long customers = to - from;
            result.add(new Quartile(q + 1, customers, customers == 0 ? 0 : keys[from] >>> 32,
                    customers == 0 ? 0 : keys[to - 1] >>> 32, sold, Decimals.percent(sold, customers), mrr, churned,
                    Decimals.percent(churned, customers)));
        }
        return result;
    }

    private static final class Tally {
        final long[] featureUsers;
        final long[] featureEvents;
        final long[] depthBuckets = new long[5];
        int[] depths = new int[64];
        long active;
        long withUsage;
        long events;
        long depthSum;
        private final int[] seenStamp;
        private int stamp;

        Tally(int features) {
            featureUsers = new long[features];
            featureEvents = new long[features];
            seenStamp = new int[features];
        }

        void add(EngagementIndex index, int c, Window window, Outcomes outcomes) {
            PricedItem[] items = index.ledger().items(c);
            boolean inCohort = Activity.activeOn(items, window.startStateDay());
            boolean active = Activity.activeIn(items, window);
            outcomes.score[c] = inCohort ? 0 : -1;
            if (inCohort) {
                outcomes.record(c, index, window);
            }
            if (!active && !inCohort) {
                return;
            }
            UsageLog usage = index.usage();
            int code = index.usageCode(c);
            int distinct = 0;
            long total = 0;
            if (code >= 0) {
                stamp++;
                long from = window.from().toEpochDay();
                long to = window.to().toEpochDay();
                for (int e = usage.start(code), end = usage.end(code); e < end; e++) {
                    int day = usage.dayAt(e);
                    if (day < from || day >= to) {
                        continue;
                    }
                    int f = usage.featureAt(e);
                    int n = usage.countAt(e);
                    total += n;
                    if (active) {
                        featureEvents[f] += n;
                        if (seenStamp[f] != stamp) {
                            seenStamp[f] = stamp;
                            featureUsers[f]++;
                            distinct++;
                        }
                    }
                }
            }
            if (inCohort) {
                outcomes.score[c] = total;
            }
            if (!active) {
                return;
            }
            this.active++;
            events += total;
            if (total > 0) {
                withUsage++;
            }
            depthSum += distinct;
            depthBuckets[Math.min(distinct, 4)]++;
            if (this.active > depths.length) {
                depths = Arrays.copyOf(depths, depths.length * 2);
            }
            depths[(int) this.active - 1] = distinct;
        }

        void merge(Tally o) {
            for (int f = 0; f < featureUsers.length; f++) {
                featureUsers[f] += o.featureUsers[f];
                featureEvents[f] += o.featureEvents[f];
            }
            for (int b = 0; b < 5; b++) {
                depthBuckets[b] += o.depthBuckets[b];
            }
            int[] merged = Arrays.copyOf(depths, (int) (active + o.active));
            System.arraycopy(o.depths, 0, merged, (int) active, (int) o.active);
            depths = merged;
            active += o.active;
            withUsage += o.withUsage;
            events += o.events;
            depthSum += o.depthSum;
        }
    }
}
