package io.xsell.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a tenant knows of its cross-sell motions and of how its customers use the product:
 * campaigns, the touchpoints tying customers to them, and usage events. Built through {@link #of},
 * which checks that campaign ids are unique and that every touchpoint names a known campaign.
 * Which customers exist is the billing data's business: see {@link TenantDataset#withEngagement}.
 */
public final class EngagementData {
    private static final int MAX_PROBLEMS = 1000;
    private static final EngagementData EMPTY = new EngagementData(List.of(), List.of(), UsageLog.empty());

    private final List<Campaign> campaigns;
    private final List<Touchpoint> touchpoints;
    private final UsageLog usage;

    private EngagementData(List<Campaign> campaigns, List<Touchpoint> touchpoints, UsageLog usage) {
        this.campaigns = campaigns;
        this.touchpoints = touchpoints;
        this.usage = usage;
    }

    public static EngagementData empty() {
        return EMPTY;
    }

    /** @throws InvalidDatasetException listing every duplicate campaign id and unknown campaign reference */
    public static EngagementData of(List<Campaign> campaigns, List<Touchpoint> touchpoints, UsageLog usage) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>(campaigns.size() * 2);
        for (Campaign c : campaigns) {
            if (!ids.add(c.id()) && problems.size() < MAX_PROBLEMS) {
                problems.add("duplicate campaign_id '" + c.id() + "'");
            }
        }
        for (Touchpoint t : touchpoints) {
            if (!ids.contains(t.campaignId()) && problems.size() < MAX_PROBLEMS) {
                problems.add("touchpoint of customer '" + t.customerId() + "' on " + t.date()
                        + " refers to unknown campaign_id '" + t.campaignId() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
        return new EngagementData(List.copyOf(campaigns), List.copyOf(touchpoints),
                usage == null ? UsageLog.empty() : usage);
    }

    public List<Campaign> campaigns() {
        return campaigns;
    }

    public List<Touchpoint> touchpoints() {
        return touchpoints;
    }

    public UsageLog usage() {
        return usage;
    }

    public boolean isEmpty() {
        return campaigns.isEmpty() && touchpoints.isEmpty() && usage.isEmpty();
    }
}
