package io.xsell.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xsell.core.metrics.CrossSellReport;
import io.xsell.core.model.WorkCancelledException;
import io.xsell.core.port.in.CrossSellReportQuery;
import io.xsell.core.port.in.CrossSellReportUseCase;
import io.xsell.server.persistence.Dialect;
import io.xsell.server.rest.ApiResponse;
import io.xsell.server.rest.XsellApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-request time limit and a tenant's share against the real server, with a cross-sell use case
 * that computes until it is told to stop (as the pricing loops do), and the bounded JSON reading of
 * request bodies.
 */
class RequestLimitsApiTest {
    private static final SpinningCrossSell SPINNING = new SpinningCrossSell();

    @RegisterExtension
    static final XsellApp APP = XsellApp.on(Dialect.SQLITE)
            // the spinning use case replaces the real one in this class's server only
            .hook(builder -> builder.modulesOverride(
                    binder -> binder.bind(CrossSellReportUseCase.class).toInstance(SPINNING)))
            // long enough that, on a loaded machine, the other tenant is answered while the slow one runs
            .with("limits.requestTimeout", "6s")
            .with("limits.concurrentPerTenant", "1")
            .with("limits.maxWait", "200ms");

    private static final String SLOW = "/v1/metrics/cross-sell?from=2024-01-01&to=2024-03-31";
    private static final String FAST = "/v1/metrics/penetration?date=2024-01-31";

    @BeforeEach
    void reset() {
        SPINNING.reset();
    }

    @Test
    void aRequestPastTheLimitIsStoppedAndAnsweredAndTheServerAnswersTheNext() throws Exception {
        String key = APP.createTenant("slow").apiKey();
        long started = System.nanoTime();
        ApiResponse response = APP.get(SLOW, key);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        JsonNode problem = response.expectProblem(503);
        assertThat(problem.path("type").asText()).endsWith("request-timeout");
        assertThat(problem.path("detail").asText()).contains("6 s").contains("limits.requestTimeout");
        assertThat(response.header("Retry-After")).isPresent();
        assertThat(took).isBetween(Duration.ofMillis(5900), Duration.ofSeconds(12));
        // the work itself stopped: its core is free again
        assertThat(SPINNING.stopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(SPINNING.interrupted).isTrue();
        // and the tenant's next request is answered as usual
        assertThat(APP.get(FAST, key).status()).isEqualTo(200);
    }

    @Test
    void aTenantBeyondItsShareWaitsThenIsRefusedWhileAnotherTenantIsAnswered() throws Exception {
        String busy = APP.createTenant("busy").apiKey();
        String other = APP.createTenant("other").apiKey();
        CompletableFuture<ApiResponse> first = CompletableFuture.supplyAsync(() -> APP.get(SLOW, busy));
        assertThat(SPINNING.started.await(10, TimeUnit.SECONDS)).isTrue();

        long waited = System.nanoTime();
        ApiResponse refused = APP.get(FAST, busy);
        Duration wait = Duration.ofNanos(System.nanoTime() - waited);
        JsonNode problem = refused.expectProblem(503);
        assertThat(problem.path("type").asText()).endsWith("tenant-busy");
        assertThat(problem.path("detail").asText()).contains("already has 1 ");
        assertThat(refused.header("Retry-After")).contains("1");
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(190));

        long asked = System.nanoTime();
        assertThat(APP.get(FAST, other).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(5));
        assertThat(SPINNING.stopped.getCount()).as("the other tenant was answered while the first ran").isEqualTo(1);

        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(503);
        // its place is given back: the tenant is served again
        assertThat(APP.get(FAST, busy).status()).isEqualTo(200);
    }

    @Test
    void requestBodiesAreReadWithinTheJsonBounds() {
        String key = APP.createTenant("json").apiKey();
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        for (String path : new String[] {"/v1/connections/stripe", "/v1/report-schedules"}) {
            long started = System.nanoTime();
            JsonNode tooDeep = APP.post(path, key, "application/json", deep.getBytes(StandardCharsets.UTF_8))
                    .expectProblem(400);
            // the server's own bound (64), not Jackson's default (1,000)
            assertThat(tooDeep.path("detail").asText()).as(path).contains("(64");
            ApiResponse huge = APP.post(path, key, "application/json",
                    "{\"api_key\": 1e200000000, \"recipients\": 1e200000000}".getBytes(StandardCharsets.UTF_8));
            assertThat(huge.status()).as(path).isIn(400, 422);
            assertThat(huge.body().length).as(path).isLessThan(4_000);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(APP.get("/v1/report-schedules", key).json().toString()).doesNotContain("e2");
    }

    @Test
    void theInjectedObjectMapperIsTheServersWithItsReadBounds() {
        // BatchIntake and any other class that asks for the ObjectMapper get this one
        assertThat(APP.instance(ObjectMapper.class))
                .isSameAs(APP.instance(io.dropwizard.core.setup.Environment.class).getObjectMapper());
        assertThat(APP.instance(ObjectMapper.class).getFactory().streamReadConstraints().getMaxNestingDepth())
                .isEqualTo(64);
    }

    /** Computes until its thread is interrupted, checking as the real loops do. */
    static final class SpinningCrossSell implements CrossSellReportUseCase {
        volatile CountDownLatch started = new CountDownLatch(1);
        volatile CountDownLatch stopped = new CountDownLatch(1);
        volatile boolean interrupted;

        void reset() {
            started = new CountDownLatch(1);
            stopped = new CountDownLatch(1);
            interrupted = false;
        }

        @Override
        public CrossSellReport crossSellReport(CrossSellReportQuery query) {
            started.countDown();
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            try {
                long sum = 0;
                while (System.nanoTime() < giveUp) {
                    for (int i = 0; i < 10_000; i++) {
                        sum += i * 31L;
                    }
                    WorkCancelledException.checkInterrupt();
                }
                throw new IllegalStateException("never told to stop (" + sum + ")");
            } catch (WorkCancelledException e) {
                interrupted = true;
                throw e;
            } finally {
                stopped.countDown();
            }
        }
    }
}
