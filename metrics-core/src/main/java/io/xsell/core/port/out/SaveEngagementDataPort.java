package io.xsell.core.port.out;

import io.xsell.core.engagement.EngagementBatch;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.TenantId;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores engagement batches received one by one (over the API), each under its idempotency key. */
public interface SaveEngagementDataPort {

    Optional<EngagementBatch> findBatch(TenantId tenant, String idempotencyKey);

    /** Ids of every campaign the tenant has, from any source. */
    Set<String> campaignIds(TenantId tenant);

    /**
     * Records the batch and stores its rows in one transaction. Campaigns replace earlier
     * API-submitted campaigns of the same id; touchpoints and usage events are added.
     *
     * @throws io.xsell.core.engagement.DuplicateBatchException when the key was taken meanwhile; nothing written
     */
    void saveCampaigns(EngagementBatch batch, List<Campaign> campaigns);

    void saveTouchpoints(EngagementBatch batch, List<Touchpoint> touchpoints);

    void saveUsageEvents(EngagementBatch batch, List<UsageEvent> events);
}
