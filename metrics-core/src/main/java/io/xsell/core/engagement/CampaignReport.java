package io.xsell.core.engagement;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.FxRates;
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
 * What each campaign returned in a window. Every {@code cross_sell} movement in the window (all
 * customers, as {@code cross_sell_mrr} counts them) is credited, last touch, to the latest
 * touchpoint of the same customer dated at most {@code attributionDays} days before the movement's
 * day, the day itself included, whose campaign targets the movement's line or no line. Touchpoints
 * on the same day: the one listed last wins. A touch after the movement never takes credit.
 *
 * <p>Per campaign: {@code incremental_revenue} = attributed cross-sell MRR x {@code horizonMonths};
 * {@code roi_pct} = (incremental_revenue - cost) / cost x 100, null when the cost is 0 or cannot be
 * converted to the reporting currency (no FX rate on or before the campaign's start date).
 *
 * <p>Uplift compares starting-cohort customers (active on {@code from - 1}) touched in the window
 * with those not touched by any campaign in the window; a customer converts with a cross_sell in
 * the window (for one campaign's uplift: of a line the campaign targets).
 */
public record CampaignReport(Window window, String currency, int attributionDays, int horizonMonths,
                             BigDecimal crossSellMrr, long crossSells, BigDecimal attributedCrossSellMrr,
                             long attributedCrossSells, BigDecimal unattributedCrossSellMrr, Uplift uplift,
                             List<CampaignResult> campaigns) {

    public CampaignReport {
        Objects.requireNonNull(window, "window");
        campaigns = List.copyOf(campaigns);
    }

    /**
     * @param cost           in the reporting currency; null when it has no FX rate
     * @param touchedCustomers customers with a touchpoint of the campaign dated in the window
     * @param roiReason      why {@code roiPct} is null, or null when it is given
     * @param startDate        the campaign's first day
     * @param endDate          its last day; null for an open campaign
     */
    public record CampaignResult(String campaignId, String name, String channel, String targetProductLine,
                                 BigDecimal cost, long touchedCustomers, long attributedCrossSells,
                                 BigDecimal attributedCrossSellMrr, BigDecimal incrementalRevenue, BigDecimal roiPct,
                                 String roiReason, Uplift uplift, java.time.LocalDate startDate,
                                 java.time.LocalDate endDate) {
    }

    public static final String ROI_FREE = "the campaign cost nothing: a return on zero cost is undefined";
    public static final String ROI_NO_RATE = "no exchange rate for the campaign's cost on its start date";
    public static final String ROI_NOT_TOUCHED = "no customer was touched by the campaign in the window";

    public static CampaignReport of(EngagementIndex index, FxRates fxRates, Window window, int attributionDays,
                                    int horizonMonths) {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(fxRates, "fxRates");
        Objects.requireNonNull(window, "window");
        if (attributionDays < 0) {
            throw new IllegalArgumentException("attribution days must be >= 0, was " + attributionDays);
        }
        if (horizonMonths < 1) {
            throw new IllegalArgumentException("horizon months must be >= 1, was " + horizonMonths);
        }
        MrrLedger ledger = index.ledger();
        int k = index.campaigns().size();
        Tally tally = IntStream.range(0, ledger.customerCount()).parallel().collect(
                () -> new Tally(k, ledger.lines().size()),
                (t, c) -> t.add(index, c, window, attributionDays),
                Tally::merge);

        BigDecimal horizon = BigDecimal.valueOf(horizonMonths);
        List<CampaignResult> results = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Campaign campaign = index.campaigns().get(i);
            BigDecimal cost = fxRates.rateOn(campaign.currency(), campaign.startDate())
                    .map(rate -> campaign.cost().multiply(rate, Decimals.MC)).orElse(null);
            BigDecimal incremental = tally.attributedMrr[i].multiply(horizon);
            // No ROI from nothing: a campaign nobody was touched by in the window has no return to measure.
            String roiReason = cost == null ? ROI_NO_RATE : cost.signum() == 0 ? ROI_FREE
                    : tally.touched[i] == 0 ? ROI_NOT_TOUCHED : null;
            BigDecimal roi = roiReason != null ? null : Decimals.percent(incremental.subtract(cost), cost);
            results.add(new CampaignResult(campaign.id(), campaign.name(), campaign.channel(),
                    campaign.targetProductLine(), cost, tally.touched[i], tally.attributedCount[i],
                    tally.attributedMrr[i], incremental, roi, roiReason,
                    Uplift.of(tally.exposed[i], tally.exposedConverted[i], tally.unexposed, tally.unexposedConverted[i]),
                    campaign.startDate(), campaign.endDate()));
        }
        BigDecimal attributed = BigDecimal.ZERO;
        long attributedCount = 0;
        for (int i = 0; i < k; i++) {
            attributed = attributed.add(tally.attributedMrr[i]);
            attributedCount += tally.attributedCount[i];
        }
        return new CampaignReport(window, ledger.currency(), attributionDays, horizonMonths, tally.crossSellMrr,
                tally.crossSells, attributed, attributedCount, tally.crossSellMrr.subtract(attributed),
                Uplift.of(tally.anyExposed, tally.anyExposedConverted, tally.unexposed, tally.unexposedConvertedAny),
                results);
    }

    private static final class Tally {
        final long[] touched;
        final long[] attributedCount;
        final BigDecimal[] attributedMrr;
        final long[] exposed;
        final long[] exposedConverted;
        final long[] unexposedConverted;
        long unexposed;
        long unexposedConvertedAny;
        long anyExposed;
        long anyExposedConverted;
        BigDecimal crossSellMrr = BigDecimal.ZERO;
        long crossSells;
        // per customer scratch
        private final boolean[] touchedNow;
        private final boolean[] lineSold;

        Tally(int campaigns, int lines) {
            touched = new long[campaigns];
            attributedCount = new long[campaigns];
            attributedMrr = new BigDecimal[campaigns];
            Arrays.fill(attributedMrr, BigDecimal.ZERO);
            exposed = new long[campaigns];
            exposedConverted = new long[campaigns];
            unexposedConverted = new long[campaigns];
            touchedNow = new boolean[campaigns];
            lineSold = new boolean[lines];
        }

        void add(EngagementIndex index, int c, Window window, int attributionDays) {
            int touchStart = index.touchStart(c);
            int touchEnd = index.touchEnd(c);
            PricedItem[] items = index.ledger().items(c);
            boolean soldAny = false;
            Arrays.fill(lineSold, false);
            for (Movement m : index.crossSells(c)) {
                if (!window.contains(m.day())) {
                    continue;
                }
                crossSells++;
                crossSellMrr = crossSellMrr.add(m.amount());
                soldAny = true;
                lineSold[m.line()] = true;
                int credited = lastTouch(index, touchStart, touchEnd, m, attributionDays);
                if (credited >= 0) {
                    attributedCount[credited]++;
                    attributedMrr[credited] = attributedMrr[credited].add(m.amount());
                }
            }
            Arrays.fill(touchedNow, false);
            boolean touchedAny = false;
            for (int t = touchStart; t < touchEnd; t++) {
                if (window.contains(index.touchDay(t))) {
                    touchedNow[index.touchCampaign(t)] = true;
                    touchedAny = true;
                }
            }
            for (int k = 0; k < touchedNow.length; k++) {
                if (touchedNow[k]) {
                    touched[k]++;
                }
            }
            if (!Activity.activeOn(items, window.startStateDay())) {
                return; // uplift compares the starting cohort only
            }
            if (!touchedAny) {
                unexposed++;
                if (soldAny) {
                    unexposedConvertedAny++;
                    for (int k = 0; k < touchedNow.length; k++) {
                        if (soldTargeted(index, k)) {
                            unexposedConverted[k]++;
                        }
                    }
                }
                return;
            }
            anyExposed++;
            if (soldAny) {
                anyExposedConverted++;
            }
            for (int k = 0; k < touchedNow.length; k++) {
                if (touchedNow[k]) {
                    exposed[k]++;
                    if (soldAny && soldTargeted(index, k)) {
                        exposedConverted[k]++;
                    }
                }
            }
        }

        private boolean soldTargeted(EngagementIndex index, int campaign) {
            for (int line = 0; line < lineSold.length; line++) {
                if (lineSold[line] && index.targets(campaign, line)) {
                    return true;
                }
            }
            return false;
        }

        /** The campaign of the latest eligible touchpoint, or -1. Touches are day-ordered, ties in input order. */
        private static int lastTouch(EngagementIndex index, int from, int to, Movement m, int attributionDays) {
            int earliest = m.day() - attributionDays;
            for (int t = to - 1; t >= from; t--) {
                int day = index.touchDay(t);
                if (day > m.day()) {
                    continue;
                }
                if (day < earliest) {
                    return -1;
                }
                int campaign = index.touchCampaign(t);
                if (index.targets(campaign, m.line())) {
                    return campaign;
                }
            }
            return -1;
        }

        void merge(Tally o) {
            for (int k = 0; k < touched.length; k++) {
                touched[k] += o.touched[k];
                attributedCount[k] += o.attributedCount[k];
                attributedMrr[k] = attributedMrr[k].add(o.attributedMrr[k]);
                exposed[k] += o.exposed[k];
                exposedConverted[k] += o.exposedConverted[k];
                unexposedConverted[k] += o.unexposedConverted[k];
            }
            unexposed += o.unexposed;
            unexposedConvertedAny += o.unexposedConvertedAny;
            anyExposed += o.anyExposed;
            anyExposedConverted += o.anyExposedConverted;
            crossSellMrr = crossSellMrr.add(o.crossSellMrr);
            crossSells += o.crossSells;
        }
    }
}
