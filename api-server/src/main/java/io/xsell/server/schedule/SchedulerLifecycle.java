package io.xsell.server.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.dropwizard.lifecycle.Managed;
import io.xsell.server.XsellConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Runs the scheduler while the server runs. Stopping waits for running tasks (db-scheduler's
 * shutdown wait); a task cut off by a crash is picked up again by any instance once its
 * heartbeat is stale.
 */
@Singleton
public class SchedulerLifecycle implements Managed {
    private final Provider<Scheduler> scheduler;
    private final boolean enabled;
    private volatile Scheduler running;

    @Inject
    public SchedulerLifecycle(Provider<Scheduler> scheduler, XsellConfiguration configuration) {
        this.scheduler = scheduler;
        this.enabled = configuration.getScheduler().isEnabled();
    }

    @Override
    public void start() {
        if (enabled) {
            running = scheduler.get();
            running.start();
        }
    }

    @Override
    public void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }
}
