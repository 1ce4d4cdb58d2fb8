package io.xsell.core.service;

import io.xsell.core.engagement.BatchReceipt;
import io.xsell.core.engagement.CampaignReport;
import io.xsell.core.engagement.DuplicateBatchException;
import io.xsell.core.engagement.EngagementBatch;
import io.xsell.core.engagement.EngagementIndex;
import io.xsell.core.engagement.EngagementReport;
import io.xsell.core.engagement.IdempotencyConflictException;
import io.xsell.core.engagement.JourneyReport;
import io.xsell.core.engagement.RejectedBatchException;
import io.xsell.core.engagement.RowError;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageEvent;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.port.in.CampaignAnalyticsQuery;
import io.xsell.core.port.in.CampaignAnalyticsUseCase;
import io.xsell.core.port.in.EngagementAnalyticsQuery;
import io.xsell.core.port.in.EngagementAnalyticsUseCase;
import io.xsell.core.port.in.JourneyAnalyticsQuery;
import io.xsell.core.port.in.JourneyAnalyticsUseCase;
import io.xsell.core.port.in.RecordEngagementCommand;
import io.xsell.core.port.in.RecordEngagementUseCase;
import io.xsell.core.port.out.LoadEngagementDataPort;
import io.xsell.core.port.out.LoadTenantDataPort;
import io.xsell.core.port.out.SaveEngagementDataPort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Campaigns, journeys and engagement: stores batches once per idempotency key and answers the
 * analytics from the tenant's priced ledger (shared with {@link MetricsService}, so the billing
 * data is priced once) joined to its engagement data. The join is kept per tenant for as long as
 * both the ledger and the engagement data are the same instances.
 */
public final class EngagementService implements CampaignAnalyticsUseCase, JourneyAnalyticsUseCase,
        EngagementAnalyticsUseCase, RecordEngagementUseCase {
    private final MetricsService metrics;
    private final LoadTenantDataPort billing;
    private final LoadEngagementDataPort engagement;
    private final SaveEngagementDataPort store;
    private final Clock clock;
    private final Map<TenantId, EngagementIndex> indexes = new ConcurrentHashMap<>();

    public EngagementService(MetricsService metrics, LoadTenantDataPort billing, LoadEngagementDataPort engagement,
                             SaveEngagementDataPort store, Clock clock) {
        this.metrics = Objects.requireNonNull(metrics);
        this.billing = Objects.requireNonNull(billing);
        this.engagement = Objects.requireNonNull(engagement);
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    EngagementIndex index(TenantId tenant) {
        MrrLedger ledger = metrics.ledger(tenant);
        EngagementData data = engagement.loadEngagementData(tenant);
        EngagementIndex index = indexes.get(tenant);
        if (index != null && index.ledger() == ledger && index.data() == data) {
            return index;
        }
        index = EngagementIndex.of(ledger, data);
        indexes.put(tenant, index);
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

    @Override
    public BatchReceipt record(RecordEngagementCommand command) {
        Optional<BatchReceipt> replay = replay(command);
        if (replay.isPresent()) {
            return replay.get();
        }
        EngagementBatch batch = new EngagementBatch(command.tenant(), command.idempotencyKey(), command.kind(),
                command.fingerprint(), command.rows().size(), clock.instant());
        try {
            switch (command.kind()) {
                case CAMPAIGNS -> store.saveCampaigns(batch, rows(command, Campaign.class));
                case TOUCHPOINTS -> store.saveTouchpoints(batch, checkedTouchpoints(command));
                case USAGE_EVENTS -> store.saveUsageEvents(batch, rows(command, UsageEvent.class));
            }
        } catch (DuplicateBatchException e) {
            // a concurrent submission with the same key won: answer from it, exactly as a later retry would be
            return replay(command).orElseThrow(() -> e);
        }
        return new BatchReceipt(batch, false);
    }

    private Optional<BatchReceipt> replay(RecordEngagementCommand command) {
        Optional<EngagementBatch> stored = store.findBatch(command.tenant(), command.idempotencyKey());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        EngagementBatch batch = stored.get();
        if (batch.kind() != command.kind() || !batch.fingerprint().equals(command.fingerprint())) {
            throw new IdempotencyConflictException(batch);
        }
        return Optional.of(new BatchReceipt(batch, true));
    }

    private List<Touchpoint> checkedTouchpoints(RecordEngagementCommand command) {
        List<Touchpoint> touchpoints = rows(command, Touchpoint.class);
        Set<String> known = new HashSet<>(store.campaignIds(command.tenant()));
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < touchpoints.size(); i++) {
            String campaign = touchpoints.get(i).campaignId();
            if (!known.contains(campaign)) {
                errors.add(new RowError(i, "campaign_id", "unknown campaign_id '" + campaign
                        + "'; submit the campaign first"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RejectedBatchException(errors);
        }
        return touchpoints;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> rows(RecordEngagementCommand command, Class<T> type) {
        return (List<T>) command.rows(); // the command checked every row's type
    }
}
