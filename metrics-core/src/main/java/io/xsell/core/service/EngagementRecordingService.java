package io.xsell.core.service;

import io.xsell.core.engagement.BatchReceipt;
import io.xsell.core.engagement.DuplicateBatchException;
import io.xsell.core.engagement.EngagementBatch;
import io.xsell.core.engagement.IdempotencyConflictException;
import io.xsell.core.engagement.RejectedBatchException;
import io.xsell.core.engagement.RowError;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageEvent;
import io.xsell.core.port.in.RecordEngagementCommand;
import io.xsell.core.port.in.RecordEngagementUseCase;
import io.xsell.core.port.out.SaveEngagementDataPort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stores batches of campaigns, touchpoints and usage events all or nothing, once per idempotency
 * key: a retry with the same key and content is answered from the stored batch, the same key
 * with other content is a conflict, and a concurrent submission that took the key first is
 * answered like a retry.
 */
public final class EngagementRecordingService implements RecordEngagementUseCase {
    private final SaveEngagementDataPort store;
    private final Clock clock;

    public EngagementRecordingService(SaveEngagementDataPort store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
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
