package io.xsell.ingestion.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.stripe.api.StripeApi;
import io.xsell.ingestion.stripe.api.StripeCallFailedException;
import io.xsell.ingestion.stripe.api.StripeSettings;
import io.xsell.ingestion.stripe.fake.FakeStripeServer;
import io.xsell.ingestion.stripe.fake.InMemoryStripeMirror;
import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.stripe.mapping.StripeAccountMapper;
import io.xsell.ingestion.stripe.sync.BackfillPlan;
import io.xsell.ingestion.stripe.sync.BackfillStore;
import io.xsell.ingestion.stripe.sync.SliceState;
import io.xsell.ingestion.stripe.sync.StripeBackfill;
import io.xsell.ingestion.stripe.sync.StripeRecord;
import io.xsell.ingestion.provider.SyncProgress;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Backfills survive what Stripe and networks do, and stop resumably on what they cannot survive. */
class StripeResilienceTest {
    static final String KEY = "rk_test_resilience";
    static SyntheticStripeAccount account;
    static TenantDataset expected;
    static FakeStripeServer stripe;

    @BeforeAll
    static void account() throws Exception {
        account = StripeMappingEqualityTest.account(150);
        stripe = new FakeStripeServer(account, KEY);
        expected = backfill(api(8), new InMemoryStripeMirror());
    }

    @AfterAll
    static void close() {
        stripe.close();
    }

    static StripeApi api(int attempts) {
        return new StripeApi(StripeSettings.defaults(KEY, stripe.baseUrl()).withRate(500)
                .withRetries(attempts, Duration.ofMillis(2), Duration.ofMillis(20))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
    }

    static TenantDataset backfill(StripeApi api, InMemoryStripeMirror mirror) throws InterruptedException {
        new StripeBackfill(api, mirror, 4, 4, Clock.systemUTC()).run(SyncProgress.NONE);
        return StripeAccountMapper.map(mirror, new MappingSettings("stripe:", "USD", Map.of(), account.canonical().rates()));
    }

    static void assertSameAsUndisturbed(TenantDataset synced) {
        assertThat(synced.items()).containsExactlyElementsOf(expected.items());
        assertThat(synced.customers()).containsExactlyElementsOf(expected.customers());
        assertThat(synced.charges()).containsExactlyElementsOf(expected.charges());
    }

    @Test
    void survivesA429Storm() throws Exception {
        // every request rate limited twice before it passes, half of them with a Retry-After
        Map<String, AtomicInteger> attempts = new java.util.concurrent.ConcurrentHashMap<>();
        stripe.faults((n, url) -> attempts.computeIfAbsent(url, u -> new AtomicInteger()).incrementAndGet() <= 2
                ? Optional.of(FakeStripeServer.error(429, "rate_limit", "Too many requests",
                        n % 2 == 0 ? Map.of("Retry-After", "0.01") : Map.of()))
                : Optional.empty());
        try {
            StripeApi api = api(8);
            assertSameAsUndisturbed(backfill(api, new InMemoryStripeMirror()));
            assertThat(api.retries()).isEqualTo(2L * attempts.size());
        } finally {
            stripe.faults(FakeStripeServer.FaultPlan.NONE);
        }
    }

    @Test
    void survivesServerErrorsConnectionResetsAndSlowResponses() throws Exception {
        stripe.faults((n, path) -> switch (n % 7) {
            case 1 -> Optional.of(FakeStripeServer.error(500, null, "An unknown error occurred"));
            case 3 -> Optional.of(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build());
            case 5 -> Optional.of(WireMock.aResponse().withStatus(200).withFixedDelay(1000).withBody("{}").build());
            default -> Optional.empty();
        });
        try {
            StripeApi api = api(8);
            assertSameAsUndisturbed(backfill(api, new InMemoryStripeMirror()));
            assertThat(api.retries()).isGreaterThan(0);
        } finally {
            stripe.faults(FakeStripeServer.FaultPlan.NONE);
        }
    }

    @Test
    void honoursStripeShouldRetryFalseAndNeverRetriesRefusals() {
        AtomicInteger seen = new AtomicInteger();
        stripe.faults((n, path) -> {
            seen.incrementAndGet();
            return Optional.of(FakeStripeServer.error(500, null, "do not retry", Map.of("Stripe-Should-Retry", "false")));
        });
        try {
            StripeApi api = api(5);
            assertThatThrownBy(() -> api.list("/v1/customers", Map.of("limit", "1")))
                    .isInstanceOf(StripeCallFailedException.class);
            assertThat(seen).hasValue(1);
        } finally {
            stripe.faults(FakeStripeServer.FaultPlan.NONE);
        }
        StripeApi wrongKey = new StripeApi(StripeSettings.defaults("rk_test_wrong", stripe.baseUrl())
                .withRetries(5, Duration.ofMillis(2), Duration.ofMillis(20)));
        int before = stripe.requests();
        assertThatThrownBy(() -> wrongKey.list("/v1/customers", Map.of("limit", "1")))
                .isInstanceOfSatisfying(StripeCallFailedException.class, e -> {
                    assertThat(e.isKeyRefused()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("rk_test_wrong");
                });
        assertThat(stripe.requests() - before).isEqualTo(1);
    }

    @Test
    void opensTheCircuitOnPersistentFailures() {
        stripe.faults((n, path) -> Optional.of(FakeStripeServer.error(503, null, "down")));
        try {
            StripeApi api = api(3);
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> api.list("/v1/customers", Map.of("limit", "1")))
                        .isInstanceOf(StripeCallFailedException.class);
            }
            assertThat(api.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
            int before = stripe.requests();
            assertThatThrownBy(() -> api.list("/v1/customers", Map.of("limit", "1")))
                    .isInstanceOf(StripeCallFailedException.class).hasMessageContaining("circuit breaker open");
            assertThat(stripe.requests()).isEqualTo(before);
        } finally {
            stripe.faults(FakeStripeServer.FaultPlan.NONE);
        }
    }

    @Test
    void aBackfillKilledAfterAnyPageResumesWithNothingLostOrDoubled() throws Exception {
        for (int killAfter : new int[]{1, 7, 23}) {
            InMemoryStripeMirror mirror = new InMemoryStripeMirror();
            CrashingStore crashing = new CrashingStore(mirror, killAfter);
            assertThatThrownBy(() -> new StripeBackfill(api(3), crashing, 4, 4, Clock.systemUTC()).run(SyncProgress.NONE))
                    .isInstanceOf(Crash.class);
            long storedBeforeCrash = mirror.pagesSaved();
            assertThat(storedBeforeCrash).isEqualTo(killAfter);

            TenantDataset resumed = backfill(api(3), mirror);
            assertSameAsUndisturbed(resumed);
            long counted = mirror.resumePoint().orElseThrow().slices().stream().mapToLong(SliceState::objects).sum();
            assertThat(counted).as("objects counted by the checkpoints").isEqualTo(mirror.size());
            assertThat(mirror.objectsWritten()).as("no page stored twice").isEqualTo(mirror.size());
        }
    }

    static final class Crash extends RuntimeException {
    }

    /** Dies (as a killed process would) on the page after the first {@code pages}: that page is not stored. */
    record CrashingStore(InMemoryStripeMirror mirror, int pages) implements BackfillStore {
        @Override
        public Optional<ResumePoint> resumePoint() {
            return mirror.resumePoint();
        }

        @Override
        public void startPlan(BackfillPlan plan) {
            mirror.startPlan(plan);
        }

        @Override
        public void savePage(SliceState after, List<StripeRecord> records) {
            synchronized (mirror) {
                if (mirror.pagesSaved() >= pages) {
                    throw new Crash();
                }
                mirror.savePage(after, records);
            }
        }
    }
}
