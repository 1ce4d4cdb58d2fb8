package io.xsell.core.service;

import io.xsell.core.engagement.CampaignReport;
import io.xsell.core.engagement.EngagementIndex;
import io.xsell.core.engagement.EngagementReport;
import io.xsell.core.engagement.JourneyReport;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.port.in.CampaignAnalyticsQuery;
import io.xsell.core.port.in.CampaignAnalyticsUseCase;
import io.xsell.core.port.in.EngagementAnalyticsQuery;
import io.xsell.core.port.in.EngagementAnalyticsUseCase;
import io.xsell.core.port.in.JourneyAnalyticsQuery;
import io.xsell.core.port.in.JourneyAnalyticsUseCase;
import io.xsell.core.port.out.LoadEngagementDataPort;
import io.xsell.core.port.out.LoadTenantDataPort;
import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Campaigns, journeys and engagement: answers the analytics from the tenant's priced ledger
 * (shared with {@link MetricsService}, so the billing data is priced once) joined to its
 * engagement data. The join is kept per tenant for as long as both the ledger and the
 * engagement data are the same instances. For a one-off report over a dataset in hand:
 * {@code new EngagementAnalyticsService(new MetricsService(t -> dataset), t -> dataset, t -> dataset.engagement())}.
 */
public final class EngagementAnalyticsService implements CampaignAnalyticsUseCase, JourneyAnalyticsUseCase,
        EngagementAnalyticsUseCase {
    private final MetricsService metrics;
    private final LoadTenantDataPort billing;
    private final LoadEngagementDataPort engagement;
    // held softly: an index holds its ledger, which the byte-bounded cache of prepared tenants may
    // have dropped; a strong reference here would keep every tenant's ledger for ever
    private final Map<TenantId, SoftReference<EngagementIndex>> indexes = new ConcurrentHashMap<>();

    public EngagementAnalyticsService(MetricsService metrics, LoadTenantDataPort billing,
                                      LoadEngagementDataPort engagement) {
        this.metrics = Objects.requireNonNull(metrics);
        this.billing = Objects.requireNonNull(billing);
        this.engagement = Objects.requireNonNull(engagement);
    }

    EngagementIndex index(TenantId tenant) {
        MrrLedger ledger = metrics.ledger(tenant);
        EngagementData data = engagement.loadEngagementData(tenant);
        SoftReference<EngagementIndex> held = indexes.get(tenant);
        EngagementIndex index = held == null ? null : held.get();
        if (index != null && index.ledger() == ledger && index.data() == data) {
            return index;
        }
        // new engagement data on unchanged billing data (a batch): keep what depends on the ledger
        index = index != null && index.ledger() == ledger ? index.with(data) : EngagementIndex.of(ledger, data);
        indexes.put(tenant, new SoftReference<>(index));
        return index;
    }

    @Override
    public CampaignReport campaignAnalytics(CampaignAnalyticsQuery query) {
        TenantDataset dataset = billing.loadTenantData(query.tenant());
        return CampaignReport.of(index(query.tenant()), dataset.fxRates(), query.window(), query.attributionDays(),
                query.horizonMonths());
    }

    @Override
    public JourneyReport journeys(JourneyAnalyticsQuery query) {
        return JourneyReport.of(index(query.tenant()), query.window(), query.adoptionDays());
    }

    @Override
    public EngagementReport engagement(EngagementAnalyticsQuery query) {
        return EngagementReport.of(index(query.tenant()), query.window());
    }
}
