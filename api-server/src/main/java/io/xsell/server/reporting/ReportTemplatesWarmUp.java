package io.xsell.server.reporting;

import io.dropwizard.lifecycle.Managed;
import io.xsell.reporting.render.SummaryHtml;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the summary templates in the background when the server starts, so that the first
 * scheduled summary does not pay for it (seconds: the JDK compiler runs once per template).
 */
@Singleton
public class ReportTemplatesWarmUp implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ReportTemplatesWarmUp.class);
    private final Provider<SummaryHtml> html;

    @Inject
    public ReportTemplatesWarmUp(Provider<SummaryHtml> html) {
        this.html = html;
    }

    @Override
    public void start() {
        Thread thread = new Thread(() -> {
            try {
                html.get().prepare();
            } catch (RuntimeException e) {
                // not fatal: the first summary compiles what is missing, and reports a real error then
                LOG.warn("could not compile the summary templates ahead of use", e);
            }
        }, "report-templates-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
