package io.xsell.core.service;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.port.out.PreparedTenantCache;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MetricsServiceMemoryTest {
    private static final Window WINDOW = Window.of("2025-01-01", "2026-01-01");
    private static final TenantDataset DATA = dataset().holds("a", "A", "100", "2024-01-01")
            .holds("a", "B", "5", "2025-03-01").build();

    private static BigDecimal crossSellMrr(MetricsService service, TenantId tenant) {
        return service.crossSellReport(new CrossSellReportQuery(tenant, WINDOW, null)).metrics().crossSellMrr();
    }

    /** Keeps nothing, as the server's cache does with a tenant larger than its budget. */
    private static final class KeepsNothing implements PreparedTenantCache<MetricsService.Priced> {
        final List<Long> offered = new ArrayList<>();

        @Override
        public Optional<MetricsService.Priced> find(TenantId tenant) {
            return Optional.empty();
        }

        @Override
        public synchronized void keep(TenantId tenant, MetricsService.Priced prepared, LongSupplier retainedBytes) {
            offered.add(retainedBytes.getAsLong());
        }
    }

    @Test
    void aTenantTheCacheDoesNotKeepIsPricedAgainAndAnswersTheSame() {
        KeepsNothing cache = new KeepsNothing();
        MetricsService service = new MetricsService(t -> DATA, cache, 1);

        var first = service.ledger(new TenantId("t1"));
        var second = service.ledger(new TenantId("t1"));

        assertThat(second).isNotSameAs(first);
        assertThat(crossSellMrr(service, new TenantId("t1"))).isEqualByComparingTo("5");
        assertThat(cache.offered).hasSize(3).allSatisfy(bytes -> assertThat(bytes).isPositive());
    }

    @Test
    void theUnboundedCacheKeepsWithoutWeighing() {
        PreparedTenantCache<String> cache = PreparedTenantCache.unbounded();
        cache.keep(new TenantId("t1"), "one", () -> {
            throw new AssertionError("an unbounded cache has no use for the weight");
        });
        assertThat(cache.find(new TenantId("t1"))).contains("one");
    }

    @Test
    void offersTheCacheTheRetainedBytesOfWhatItPrepared() {
        Map<TenantId, Long> weights = new ConcurrentHashMap<>();
        PreparedTenantCache<MetricsService.Priced> kept = PreparedTenantCache.unbounded();
        MetricsService service = new MetricsService(t -> DATA, new PreparedTenantCache<>() {
            @Override
            public Optional<MetricsService.Priced> find(TenantId tenant) {
                return kept.find(tenant);
            }

            @Override
            public void keep(TenantId tenant, MetricsService.Priced prepared, LongSupplier retainedBytes) {
                weights.put(tenant, retainedBytes.getAsLong());
                kept.keep(tenant, prepared, retainedBytes);
            }
        }, 1);

        service.prepareMetrics(new TenantId("t1"));

        MetricsService.Priced priced = kept.find(new TenantId("t1")).orElseThrow();
        assertThat(weights).containsEntry(new TenantId("t1"), priced.retainedBytes());
        assertThat(priced.retainedBytes())
                .isEqualTo(priced.dataset().retainedBytes() + priced.ledger().retainedBytes())
                .isGreaterThan(priced.dataset().retainedBytes());
    }

    @Test
    void coldTenantsAreLoadedAndPricedAtMostNAtATime() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        MetricsService service = new MetricsService(tenant -> {
            int now = inFlight.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                inFlight.decrementAndGet();
            }
            return DATA;
        }, new KeepsNothing(), 2);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<BigDecimal>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                TenantId tenant = new TenantId("t" + i);
                answers.add(pool.submit(() -> crossSellMrr(service, tenant)));
            }
            for (Future<BigDecimal> answer : answers) {
                assertThat(answer.get()).isEqualByComparingTo("5");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void refusesFewerThanOneColdPreparation() {
        assertThatThrownBy(() -> new MetricsService(t -> DATA, new KeepsNothing(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrentColdPreparations");
    }
}
