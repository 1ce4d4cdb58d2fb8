package io.xsell.server.limits;

import io.dropwizard.core.setup.Environment;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time limit of a metric or analytics query ({@code limits.requestTimeout}): when it runs past the
 * limit, its thread is interrupted, the long loops of the work behind it (loading, pricing)
 * notice ({@link io.xsell.core.model.WorkCancelledException}) and stop, so the core is freed, and
 * the request is answered 503 {@code request-timeout} naming the limit. Runs after
 * {@link TenantShare}, so time spent waiting for a place does not count (that wait has its own bound).
 * Imports are bounded by their size limits instead: a million customers take about a minute to
 * write, and stopping one would only waste that work.
 */
@Provider
@Singleton
@Priority(Priorities.AUTHORIZATION + 20)
public class RequestDeadline implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String RUNNING = RequestDeadline.class.getName();

    private final Duration limit;
    private final ScheduledExecutorService timer;

    @Inject
    public RequestDeadline(XsellConfiguration configuration, Environment environment) {
        this.limit = configuration.getLimits().getRequestTimeout().toJavaDuration();
        this.timer = environment.lifecycle().scheduledExecutorService("request-deadline", true).threads(1).build();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!ExpensiveRequests.query(request)) {
            return;
        }
        Watch watch = new Watch(Thread.currentThread());
        watch.alarm = timer.schedule(watch::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
        request.setProperty(RUNNING, watch);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(RUNNING) instanceof Watch watch)) {
            return;
        }
        request.removeProperty(RUNNING);
        if (watch.finish() && response.getStatus() >= 500) {
            // whatever the interrupted work threw on its way out, the answer is the limit
            Problem problem = Problem.of(503, "Service Unavailable", "request-timeout",
                    "the request ran past the server's limit of " + describe(limit) + " (limits.requestTimeout) and was "
                            + "stopped; ask for a shorter window or retry later", null);
            response.setStatus(503);
            response.setEntity(problem, null, Problem.MEDIA);
            response.getHeaders().putSingle("Retry-After", "5");
        }
    }

    static String describe(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    /** One request's alarm; interrupting and finishing exclude each other, so no interrupt outlives the request. */
    private static final class Watch {
        private final Thread thread;
        private ScheduledFuture<?> alarm;
        private boolean done;
        private boolean expired;

        Watch(Thread thread) {
            this.thread = thread;
        }

        synchronized void expire() {
            if (!done) {
                expired = true;
                thread.interrupt();
            }
        }

        /** @return whether the limit was reached; the thread's interrupt flag is cleared before it serves others */
        boolean finish() {
            boolean fired;
            synchronized (this) {
                done = true;
                fired = expired;
            }
            alarm.cancel(false);
            if (fired) {
                Thread.interrupted();
            }
            return fired;
        }
    }
}
