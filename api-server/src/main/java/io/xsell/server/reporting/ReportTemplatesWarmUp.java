package io.xsell.server.reporting;

import io.dropwizard.lifecycle.Managed;
import io.xsell.reporting.render.SummaryHtml;
import io.xsell.server.persistence.snapshot.SnapshotWarmUp;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the summary templates in the background when the server starts, so that the first
 * scheduled summary does not pay for it (seconds: the JDK compiler runs once per template). It
 * first lets the restore of tenant snapshots at start finish ({@link SnapshotWarmUp}, at most
 * {@value #RESTORE_WAIT_SECONDS} s) and then waits {@value #AFTER_RESTORE_SECONDS} s more: on a
 * small machine the compiler competes for the same cores as the restore and the first metrics
 * queries' reports after it, while a summary is scheduled minutes or days ahead.
 */
@Singleton
public class ReportTemplatesWarmUp implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ReportTemplatesWarmUp.class);
    static final long RESTORE_WAIT_SECONDS = 120;
    static final long AFTER_RESTORE_SECONDS = 30;
    private final Provider<SummaryHtml> html;
    private final Provider<SnapshotWarmUp> restore;

    @Inject
    public ReportTemplatesWarmUp(Provider<SummaryHtml> html, Provider<SnapshotWarmUp> restore) {
        this.html = html;
        this.restore = restore;
    }

    @Override
    public void start() {
        Thread thread = new Thread(() -> {
            try {
                if (!restore.get().awaitStarted(RESTORE_WAIT_SECONDS, TimeUnit.SECONDS).isEmpty()) {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(AFTER_RESTORE_SECONDS));
                }
                html.get().prepare();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // not fatal: the first summary compiles what is missing, and reports a real error then
                LOG.warn("could not compile the summary templates ahead of use", e);
            }
        }, "report-templates-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
