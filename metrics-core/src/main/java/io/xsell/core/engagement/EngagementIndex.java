package io.xsell.core.engagement;

import io.xsell.core.model.Campaign;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageLog;
import io.xsell.core.movement.Movement;
import io.xsell.core.movement.MovementType;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.ProductLineRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Engagement data joined to a priced ledger by customer: each ledger customer's touchpoints as
 * day-ordered primitive arrays, and its usage code. Built once per (ledger, engagement data) pair
 * and shared by every campaign, journey and engagement query on it. Touchpoints and usage of
 * customers the billing data does not know are left out (counted in {@link #unmatchedTouchpoints()}).
 */
public final class EngagementIndex {
    /** Target of a campaign that promotes any line. */
    static final int ANY_LINE = -1;
    /** Target of a campaign whose line the billing data does not have: it can never be credited. */
    static final int NO_LINE = -2;
    private static final Movement[] NO_MOVEMENTS = new Movement[0];

    private final MrrLedger ledger;
    private final EngagementData data;
    private final List<Campaign> campaigns;
    private final int[] campaignTarget;
    private final int[] touchOffsets;
    private final int[] touchDay;
    private final int[] touchCampaign;
    private final int[] usageCode;
    private final Map<String, Integer> customerIndex;
    private final Movement[][] crossSells;
    private final long unmatchedTouchpoints;

    private EngagementIndex(MrrLedger ledger, EngagementData data, int[] campaignTarget, int[] touchOffsets,
                            int[] touchDay, int[] touchCampaign, int[] usageCode, Map<String, Integer> customerIndex,
                            Movement[][] crossSells, long unmatchedTouchpoints) {
        this.ledger = ledger;
        this.data = data;
        this.campaigns = data.campaigns();
        this.campaignTarget = campaignTarget;
        this.touchOffsets = touchOffsets;
        this.touchDay = touchDay;
        this.touchCampaign = touchCampaign;
        this.usageCode = usageCode;
        this.customerIndex = customerIndex;
        this.crossSells = crossSells;
        this.unmatchedTouchpoints = unmatchedTouchpoints;
    }

    public static EngagementIndex of(MrrLedger ledger, EngagementData data) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(data, "data");
        int customers = ledger.customerCount();
        Map<String, Integer> customerIndex = new HashMap<>(customers * 2);
        for (int c = 0; c < customers; c++) {
            customerIndex.put(ledger.customer(c).id(), c);
        }
        return join(ledger, data, customerIndex, crossSells(ledger));
    }

    /**
     * The same ledger joined to other engagement data (after a batch, say): what depends on the
     * ledger alone (the customer lookup, every customer's cross-sells) is reused, not recomputed.
     */
    public EngagementIndex with(EngagementData other) {
        Objects.requireNonNull(other, "other");
        return join(ledger, other, customerIndex, crossSells);
    }

    private static EngagementIndex join(MrrLedger ledger, EngagementData data, Map<String, Integer> customerIndex,
                                        Movement[][] crossSells) {
        int customers = ledger.customerCount();
        Map<String, Integer> lineIndex = new HashMap<>();
        for (ProductLineRef line : ledger.lines()) {
            lineIndex.put(line.name(), line.index());
        }
        List<Campaign> campaigns = data.campaigns();
        Map<String, Integer> campaignIndex = new HashMap<>(campaigns.size() * 2);
        int[] target = new int[campaigns.size()];
        for (int i = 0; i < campaigns.size(); i++) {
            Campaign campaign = campaigns.get(i);
            campaignIndex.put(campaign.id(), i);
            target[i] = campaign.targetProductLine() == null ? ANY_LINE
                    : lineIndex.getOrDefault(campaign.targetProductLine(), NO_LINE);
        }

        List<Touchpoint> touchpoints = data.touchpoints();
        int[] owner = new int[touchpoints.size()];
        int[] offsets = new int[customers + 1];
        long unmatched = 0;
        for (int t = 0; t < owner.length; t++) {
            Integer c = customerIndex.get(touchpoints.get(t).customerId());
            owner[t] = c == null ? -1 : c;
            if (c == null) {
                unmatched++;
            } else {
                offsets[c + 1]++;
            }
        }
        for (int c = 0; c < customers; c++) {
            offsets[c + 1] += offsets[c];
        }
        int[] next = java.util.Arrays.copyOf(offsets, customers);
        int[] days = new int[offsets[customers]];
        int[] campaignOf = new int[offsets[customers]];
        for (int t = 0; t < owner.length; t++) {
            if (owner[t] >= 0) {
                Touchpoint touch = touchpoints.get(t);
                int at = next[owner[t]]++;
                days[at] = Math.toIntExact(touch.date().toEpochDay());
                campaignOf[at] = campaignIndex.get(touch.campaignId());
            }
        }
        for (int c = 0; c < customers; c++) {
            sortByDay(days, campaignOf, offsets[c], offsets[c + 1]);
        }

        int[] usageCode = new int[customers];
        java.util.Arrays.fill(usageCode, -1);
        UsageLog usage = data.usage();
        for (int u = 0; u < usage.customerCount(); u++) {
            Integer c = customerIndex.get(usage.customerId(u));
            if (c != null) {
                usageCode[c] = u;
            }
        }
        return new EngagementIndex(ledger, data, target, offsets, days, campaignOf, usageCode, customerIndex,
                crossSells, unmatched);
    }

    /**
     * Every customer's cross_sell movements, found once: building a customer's timeline is most of
     * the cost of a report, and every campaign, journey and engagement query on this index needs
     * only these movements of it.
     */
    private static Movement[][] crossSells(MrrLedger ledger) {
        Movement[][] result = new Movement[ledger.customerCount()][];
        IntStream.range(0, result.length).parallel().forEach(c -> {
            Movement[] found = NO_MOVEMENTS;
            for (Movement m : ledger.timeline(c).movements()) {
                if (m.type() == MovementType.CROSS_SELL) {
                    found = java.util.Arrays.copyOf(found, found.length + 1);
                    found[found.length - 1] = m;
                }
            }
            result[c] = found;
        });
        return result;
    }

    /** Stable insertion sort: a customer has a handful of touchpoints, and equal days keep input order. */
    private static void sortByDay(int[] days, int[] campaigns, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int day = days[i];
            int campaign = campaigns[i];
            int j = i;
            for (; j > from && days[j - 1] > day; j--) {
                days[j] = days[j - 1];
                campaigns[j] = campaigns[j - 1];
            }
            days[j] = day;
            campaigns[j] = campaign;
        }
    }

    public MrrLedger ledger() {
        return ledger;
    }

    public EngagementData data() {
        return data;
    }

    List<Campaign> campaigns() {
        return campaigns;
    }

    /** Whether a cross-sell of line {@code line} can be credited to campaign {@code campaign}. */
    boolean targets(int campaign, int line) {
        int target = campaignTarget[campaign];
        return target == ANY_LINE || target == line;
    }

    int touchStart(int customer) {
        return touchOffsets[customer];
    }

    int touchEnd(int customer) {
        return touchOffsets[customer + 1];
    }

    int touchDay(int touch) {
        return touchDay[touch];
    }

    int touchCampaign(int touch) {
        return touchCampaign[touch];
    }

    /** The customer's code in the usage log, or -1 when it has no usage. */
    int usageCode(int customer) {
        return usageCode[customer];
    }

    /** The customer's cross_sell movements over its whole history, in day order. */
    Movement[] crossSells(int customer) {
        return crossSells[customer];
    }

    UsageLog usage() {
        return data.usage();
    }

    /** Touchpoints of customers the billing data does not know; they take no part in any figure. */
    public long unmatchedTouchpoints() {
        return unmatchedTouchpoints;
    }
}
