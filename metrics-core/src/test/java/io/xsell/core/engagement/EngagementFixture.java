package io.xsell.core.engagement;

import io.xsell.core.model.Campaign;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageLog;
import io.xsell.core.mrr.MrrLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Campaigns, touchpoints and usage for tests, joined to a billing dataset on {@link #index}. */
final class EngagementFixture {
    private final List<Campaign> campaigns = new ArrayList<>();
    private final List<Touchpoint> touchpoints = new ArrayList<>();
    private final UsageLog.Builder usage = UsageLog.builder();

    static EngagementFixture engagement() {
        return new EngagementFixture();
    }

    EngagementFixture campaign(String id, String channel, String cost, String targetLine) {
        return campaign(id, channel, cost, "USD", targetLine);
    }

    EngagementFixture campaign(String id, String channel, String cost, String currency, String targetLine) {
        campaigns.add(new Campaign(id, id, channel, new BigDecimal(cost), currency, LocalDate.parse("2025-01-01"), null,
                targetLine));
        return this;
    }

    EngagementFixture touch(String customer, String campaign, String date) {
        touchpoints.add(new Touchpoint(customer, campaign, LocalDate.parse(date)));
        return this;
    }

    EngagementFixture use(String customer, String feature, String date, int count) {
        usage.add(customer, feature, LocalDate.parse(date), count);
        return this;
    }

    EngagementData data() {
        return EngagementData.of(campaigns, touchpoints, usage.build());
    }

    EngagementIndex index(TenantDataset dataset) {
        return EngagementIndex.of(MrrLedger.of(dataset), data());
    }
}
