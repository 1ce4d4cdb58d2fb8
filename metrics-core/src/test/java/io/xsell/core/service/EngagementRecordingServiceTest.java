package io.xsell.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.engagement.BatchKind;
import io.xsell.core.engagement.BatchReceipt;
import io.xsell.core.engagement.DuplicateBatchException;
import io.xsell.core.engagement.EngagementBatch;
import io.xsell.core.engagement.IdempotencyConflictException;
import io.xsell.core.engagement.RejectedBatchException;
import io.xsell.core.engagement.RowError;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.TenantId;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageEvent;
import io.xsell.core.port.in.RecordEngagementCommand;
import io.xsell.core.port.out.SaveEngagementDataPort;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The idempotency rules of {@link EngagementRecordingService#record}, against a store kept in memory. */
class EngagementRecordingServiceTest {
    private static final TenantId TENANT = new TenantId("t1");
    private static final LocalDate DAY = LocalDate.parse("2025-03-01");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    /** Remembers batches and rows; can pretend a concurrent request took the key first. */
    private static final class MemoryStore implements SaveEngagementDataPort {
        final Map<String, EngagementBatch> batches = new HashMap<>();
        final Set<String> campaigns = new TreeSet<>();
        final List<Object> rows = new ArrayList<>();
        EngagementBatch takenMeanwhile;

        @Override
        public Optional<EngagementBatch> findBatch(TenantId tenant, String key) {
            return Optional.ofNullable(batches.get(tenant.value() + "/" + key));
        }

        @Override
        public Set<String> campaignIds(TenantId tenant) {
            return campaigns;
        }

        private void store(EngagementBatch batch, List<?> stored) {
            if (takenMeanwhile != null) {
                batches.put(batch.tenant().value() + "/" + batch.idempotencyKey(), takenMeanwhile);
                throw new DuplicateBatchException(batch.idempotencyKey(), null);
            }
            batches.put(batch.tenant().value() + "/" + batch.idempotencyKey(), batch);
            rows.addAll(stored);
        }

        @Override
        public void saveCampaigns(EngagementBatch batch, List<Campaign> list) {
            store(batch, list);
            list.forEach(c -> campaigns.add(c.id()));
        }

        @Override
        public void saveTouchpoints(EngagementBatch batch, List<Touchpoint> list) {
            store(batch, list);
        }

        @Override
        public void saveUsageEvents(EngagementBatch batch, List<UsageEvent> list) {
            store(batch, list);
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final EngagementRecordingService service = new EngagementRecordingService(store, CLOCK);

    private static RecordEngagementCommand usage(String key, String fingerprint) {
        return new RecordEngagementCommand(TENANT, key, fingerprint, BatchKind.USAGE_EVENTS,
                List.of(new UsageEvent("c1", "reports", DAY, 2)));
    }

    @Test
    void aRetryIsAnsweredFromTheFirstSubmissionAndStoresNothing() {
        BatchReceipt first = service.record(usage("k", "sha256:a"));
        BatchReceipt again = service.record(usage("k", "sha256:a"));

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.batch()).isEqualTo(first.batch());
        assertThat(first.batch().receivedAt()).isEqualTo(CLOCK.instant());
        assertThat(store.rows).hasSize(1);
    }

    @Test
    void theSameKeyForOtherContentOrAnotherKindIsAConflict() {
        service.record(usage("k", "sha256:a"));

        assertThatThrownBy(() -> service.record(usage("k", "sha256:b"))).isInstanceOf(IdempotencyConflictException.class);
        assertThatThrownBy(() -> service.record(new RecordEngagementCommand(TENANT, "k", "sha256:a",
                BatchKind.CAMPAIGNS, List.of(new Campaign("x", null, "email", BigDecimal.ONE, "USD", DAY, null, null)))))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThat(store.rows).hasSize(1);
    }

    @Test
    void aConcurrentSubmissionThatWonIsReplayed() {
        store.takenMeanwhile = new EngagementBatch(TENANT, "k", BatchKind.USAGE_EVENTS, "sha256:a", 1, CLOCK.instant());

        BatchReceipt receipt = service.record(usage("k", "sha256:a"));

        assertThat(receipt.replayed()).isTrue();
        assertThat(receipt.batch()).isEqualTo(store.takenMeanwhile);
        assertThat(store.rows).isEmpty();
    }

    @Test
    void touchpointsOfUnknownCampaignsAreRejectedRowByRow() {
        store.campaigns.add("known");
        RecordEngagementCommand command = new RecordEngagementCommand(TENANT, "k", "sha256:t", BatchKind.TOUCHPOINTS,
                List.of(new Touchpoint("c1", "known", DAY), new Touchpoint("c2", "nope", DAY),
                        new Touchpoint("c3", "other", DAY)));

        assertThatThrownBy(() -> service.record(command)).isInstanceOfSatisfying(RejectedBatchException.class,
                e -> assertThat(e.errors()).extracting(RowError::index, RowError::field)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "campaign_id"),
                                org.assertj.core.groups.Tuple.tuple(2, "campaign_id")));
        assertThat(store.rows).isEmpty();
        assertThat(store.batches).isEmpty();
    }

    @Test
    void commandsCheckTheirKeyAndSize() {
        assertThatThrownBy(() -> usage("with space", "sha256:a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordEngagementCommand(TENANT, "k", "sha256:a", BatchKind.USAGE_EVENTS, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordEngagementCommand(TENANT, "k", "sha256:a", BatchKind.CAMPAIGNS,
                List.of(new UsageEvent("c1", "f", DAY, 1)))).isInstanceOf(IllegalArgumentException.class);
    }
}
