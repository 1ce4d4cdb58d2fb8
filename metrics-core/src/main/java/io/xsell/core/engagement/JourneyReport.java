package io.xsell.core.engagement;

import io.xsell.core.analytics.Percentiles;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.Campaign;
import io.xsell.core.movement.Movement;
import io.xsell.core.mrr.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The touch-to-adoption funnel of each channel. For a channel, a customer is <b>touched</b> when
 * it has a touchpoint of one of the channel's campaigns dated in the window; its journey starts at
 * the first such touchpoint (day {@code t0}). It <b>adopted</b> when it has a {@code cross_sell}
 * movement on a day in {@code [t0, t0 + adoptionDays]} of a line that touchpoint's campaign
 * targets (any line for an untargeted campaign); the days to adoption run from {@code t0} to the
 * first such movement. Channels are listed in name order.
 */
public record JourneyReport(Window window, int adoptionDays, List<ChannelFunnel> channels) {

    public JourneyReport {
        Objects.requireNonNull(window, "window");
        channels = List.copyOf(channels);
    }

    /**
     * @param adoptionRatePct adopted / touched x 100, null when nobody was touched
     * @param medianDaysToAdoption percentiles by {@link Percentiles}, null when nobody adopted
     */
    public record ChannelFunnel(String channel, int campaigns, long touchedCustomers, long adoptedCustomers,
                                BigDecimal adoptionRatePct, BigDecimal medianDaysToAdoption, BigDecimal p25DaysToAdoption,
                                BigDecimal p75DaysToAdoption) {
    }

    public static JourneyReport of(EngagementIndex index, Window window, int adoptionDays) {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(window, "window");
        if (adoptionDays < 0) {
            throw new IllegalArgumentException("adoption days must be >= 0, was " + adoptionDays);
        }
        List<Campaign> campaigns = index.campaigns();
        Map<String, Integer> channelIndex = new TreeMap<>();
        for (Campaign campaign : campaigns) {
            channelIndex.putIfAbsent(campaign.channel(), 0);
        }
        List<String> channels = new ArrayList<>(channelIndex.keySet());
        for (int i = 0; i < channels.size(); i++) {
            channelIndex.put(channels.get(i), i);
        }
        int[] channelOf = new int[campaigns.size()];
        int[] campaignsPerChannel = new int[channels.size()];
        for (int k = 0; k < campaigns.size(); k++) {
            channelOf[k] = channelIndex.get(campaigns.get(k).channel());
            campaignsPerChannel[channelOf[k]]++;
        }
        int n = channels.size();
        Tally tally = IntStream.range(0, index.ledger().customerCount()).parallel().collect(
                () -> new Tally(n),
                (t, c) -> t.add(index, c, channelOf, window, adoptionDays),
                Tally::merge);
        List<ChannelFunnel> funnels = new ArrayList<>(n);
        for (int ch = 0; ch < n; ch++) {
            int[] days = Arrays.copyOf(tally.days[ch], tally.adopted[ch]);
            Arrays.sort(days);
            funnels.add(new ChannelFunnel(channels.get(ch), campaignsPerChannel[ch], tally.touched[ch],
                    tally.adopted[ch], Decimals.percent(tally.adopted[ch], tally.touched[ch]), Percentiles.median(days),
                    Percentiles.percentile(days, Percentiles.P25), Percentiles.percentile(days, Percentiles.P75)));
        }
        return new JourneyReport(window, adoptionDays, funnels);
    }

    private static final class Tally {
        final long[] touched;
        final int[] adopted;
        int[][] days;
        private final int[] firstTouch;

        Tally(int channels) {
            touched = new long[channels];
            adopted = new int[channels];
            days = new int[channels][8];
            firstTouch = new int[channels];
        }

        void add(EngagementIndex index, int c, int[] channelOf, Window window, int adoptionDays) {
            int from = index.touchStart(c);
            int to = index.touchEnd(c);
            if (from == to) {
                return;
            }
            Arrays.fill(firstTouch, -1);
            boolean any = false;
            for (int t = from; t < to; t++) {
                int channel = channelOf[index.touchCampaign(t)];
                if (firstTouch[channel] < 0 && window.contains(index.touchDay(t))) {
                    firstTouch[channel] = t;
                    any = true;
                }
            }
            if (!any) {
                return;
            }
            Movement[] movements = index.crossSells(c);
            for (int channel = 0; channel < firstTouch.length; channel++) {
                int t = firstTouch[channel];
                if (t < 0) {
                    continue;
                }
                touched[channel]++;
                int start = index.touchDay(t);
                int campaign = index.touchCampaign(t);
                for (Movement m : movements) {
                    if (m.day() >= start && m.day() - start <= adoptionDays
                            && index.targets(campaign, m.line())) {
                        if (adopted[channel] == days[channel].length) {
                            days[channel] = Arrays.copyOf(days[channel], adopted[channel] * 2);
                        }
                        days[channel][adopted[channel]++] = m.day() - start;
                        break; // movements are in day order: the first is the adoption
                    }
                }
            }
        }

        void merge(Tally o) {
            for (int ch = 0; ch < touched.length; ch++) {
                touched[ch] += o.touched[ch];
                int[] merged = Arrays.copyOf(days[ch], adopted[ch] + o.adopted[ch]);
                System.arraycopy(o.days[ch], 0, merged, adopted[ch], o.adopted[ch]);
                days[ch] = merged;
                adopted[ch] += o.adopted[ch];
            }
        }
    }
}
