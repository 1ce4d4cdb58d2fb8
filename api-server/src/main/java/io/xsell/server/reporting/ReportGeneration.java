package io.xsell.server.reporting;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.reporting.mail.EmailMessage;
import io.xsell.reporting.mail.SummaryEmail;
import io.xsell.reporting.port.RenderSummaryPort;
import io.xsell.reporting.port.RenderedSummary;
import io.xsell.reporting.schedule.Cadence;
import io.xsell.reporting.summary.BuildSummaryUseCase;
import io.xsell.reporting.summary.Summary;
import io.xsell.reporting.summary.SummaryRequest;
import io.xsell.server.tenant.Tenant;
import io.xsell.server.tenant.TenantRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Generates a summary, renders it and stores it with its email in the outbox. A scheduled run is
 * idempotent: run again for the same schedule and period (after a crash, say) it finds the report
 * it made and queues nothing new.
 */
public class ReportGeneration {
    private final BuildSummaryUseCase summaries;
    private final RenderSummaryPort renderer;
    private final SummaryEmail emails;
    private final JdbiReportStore reports;
    private final TenantRegistry tenants;
    private final String defaultSegmentBy;
    private final Clock clock;
    private JdbiReportScheduleStore schedules;
    private String publicBaseUrl;

    public ReportGeneration(BuildSummaryUseCase summaries, RenderSummaryPort renderer, SummaryEmail emails,
                            JdbiReportStore reports, TenantRegistry tenants, String defaultSegmentBy, Clock clock) {
        this.summaries = Objects.requireNonNull(summaries);
        this.renderer = Objects.requireNonNull(renderer);
        this.emails = Objects.requireNonNull(emails);
        this.reports = Objects.requireNonNull(reports);
        this.tenants = Objects.requireNonNull(tenants);
        this.defaultSegmentBy = Objects.requireNonNull(defaultSegmentBy);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Emails of a schedule then carry a List-Unsubscribe link {@code <publicBaseUrl>/unsubscribe/<token>}
     * that removes the schedule; a null base URL leaves them without one.
     */
    public ReportGeneration withUnsubscribeLinks(JdbiReportScheduleStore schedules, String publicBaseUrl) {
        this.schedules = Objects.requireNonNull(schedules);
        this.publicBaseUrl = publicBaseUrl;
        return this;
    }

    private String unsubscribeUrl(String scheduleId) {
        if (scheduleId == null || schedules == null || publicBaseUrl == null) {
            return null;
        }
        return schedules.unsubscribeToken(scheduleId).map(token -> publicBaseUrl + "/unsubscribe/" + token).orElse(null);
    }

    /** The report of {@code schedule}'s run at {@code runAt}: the period just finished on the recipients' calendar. */
    public String runScheduled(ReportSchedule schedule, Instant runAt) {
        Window period = schedule.schedule().periodReportedAt(runAt);
        Optional<String> existing = reports.findForSchedule(schedule.id(), period.from());
        if (existing.isPresent()) {
            return existing.get();
        }
        return generate(schedule.tenant(), schedule.id(), schedule.schedule().cadence(), period,
                schedule.segmentBy(), schedule.recipients());
    }

    /**
     * A summary of {@code schedule}'s settings for {@code period}, asked for rather than due: stored
     * without the schedule's id, so it neither takes the place of the scheduled run of the same
     * period nor stops a second send; its email still carries the schedule's unsubscribe link.
     *
     * @param cadence null for a period that is not one of the schedule's
     */
    public String onDemand(ReportSchedule schedule, Cadence cadence, Window period) {
        return generate(schedule.tenant(), null, schedule.id(), cadence, period, schedule.segmentBy(),
                schedule.recipients());
    }

    /**
     * Generates and stores one summary; with recipients, its email is queued at once.
     *
     * @param cadence null for a free window
     */
    public String generate(TenantId tenantId, String scheduleId, Cadence cadence, Window period, String segmentBy,
                           List<String> recipients) {
        return generate(tenantId, scheduleId, scheduleId, cadence, period, segmentBy, recipients);
    }

    private String generate(TenantId tenantId, String scheduleId, String unsubscribeScheduleId, Cadence cadence,
                            Window period, String segmentBy, List<String> recipients) {
        Tenant tenant = tenants.findById(tenantId)
                .orElseThrow(() -> new IllegalStateException("no tenant " + tenantId.value()));
        Summary summary = summaries.summarize(new SummaryRequest(tenantId, tenant.name(), cadence, period,
                segmentBy == null ? defaultSegmentBy : segmentBy));
        RenderedSummary documents = renderer.render(summary);
        String id = UUID.randomUUID().toString();
        EmailMessage email = recipients.isEmpty() ? null
                : emails.compose(JdbiReportStore.messageId(id), recipients, summary, documents.pdf(),
                        unsubscribeUrl(unsubscribeScheduleId));
        Instant now = clock.instant();
        reports.save(new JdbiReportStore.NewReport(id, tenantId, scheduleId, cadence == null ? null : cadence.code(),
                period, now), documents, email, now);
        return id;
    }
}
