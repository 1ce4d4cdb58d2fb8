package io.xsell.server.reporting;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.reporting.delivery.Delivery;
import io.xsell.reporting.delivery.DeliveryState;
import io.xsell.reporting.delivery.SummaryOutboxPort;
import io.xsell.reporting.mail.EmailMessage;
import io.xsell.reporting.port.RenderedSummary;
import io.xsell.server.persistence.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Generated reports, their documents, and the outbox of their emails. A report, its documents
 * and its outbox entry are written in one transaction, so a report is never stored without the
 * email it owes, nor an email queued for a report that does not exist. Outbox transitions are
 * updates conditional on the current state: of two dispatchers only one claims an entry.
 */
public class JdbiReportStore implements SummaryOutboxPort {
    private static final String REPORT_COLUMNS = "SELECT r.id, r.tenant_id, r.schedule_id, r.cadence, r.period_from, "
            + "r.period_to, r.created_at, r.pdf_bytes, o.state, o.recipients, o.attempts, o.next_attempt_at, "
            + "o.sent_at, o.last_error FROM reports r LEFT JOIN report_outbox o ON o.report_id = r.id";

    private final Jdbi jdbi;

    public JdbiReportStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What is stored about a new report. */
    public record NewReport(String id, TenantId tenant, String scheduleId, String cadence, Window period,
                            Instant createdAt) {
    }

    /** The report a schedule made for the period starting on {@code from}, if it ran already. */
    public Optional<String> findForSchedule(String scheduleId, LocalDate from) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM reports WHERE schedule_id = ? AND period_from = ?")
                .bind(0, scheduleId).bind(1, from.toString()).mapTo(String.class).findOne());
    }

    /**
     * Stores the report and its documents, and, when {@code email} is given, its outbox entry due
     * at {@code dueAt}; all or nothing.
     */
    public void save(NewReport report, RenderedSummary documents, EmailMessage email, Instant dueAt) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO reports (id, tenant_id, schedule_id, cadence, period_from, period_to, created_at, "
                            + "pdf_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, report.id()).bind(1, report.tenant().value()).bind(2, report.scheduleId())
                    .bind(3, report.cadence()).bind(4, report.period().from().toString())
                    .bind(5, report.period().to().toString()).bind(6, Timestamps.format(report.createdAt()))
                    .bind(7, (long) documents.pdf().length).execute();
            h.createUpdate("INSERT INTO report_documents (report_id, pdf, html) VALUES (?, ?, ?)")
                    .bind(0, report.id()).bind(1, documents.pdf()).bind(2, documents.htmlBytes()).execute();
            if (email != null) {
                h.createUpdate("INSERT INTO report_outbox (report_id, tenant_id, recipients, subject, body_html, "
                                + "attachment_name, state, attempts, next_attempt_at, body_text, list_unsubscribe) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
                        .bind(0, report.id()).bind(1, report.tenant().value())
                        .bind(2, JdbiReportScheduleStore.json(email.to())).bind(3, email.subject())
                        .bind(4, email.html()).bind(5, email.attachments().get(0).name())
                        .bind(6, DeliveryState.PENDING.code()).bind(7, Timestamps.format(dueAt))
                        .bind(8, email.text()).bind(9, email.listUnsubscribe()).execute();
            }
        });
    }

    /** The tenant's reports, newest first. */
    public List<StoredReport> list(TenantId tenant, int limit) {
        return jdbi.withHandle(h -> h.createQuery(REPORT_COLUMNS
                        + " WHERE r.tenant_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ?")
                .bind(0, tenant.value()).bind(1, limit).map((rs, ctx) -> report(rs)).list());
    }

    public Optional<StoredReport> find(TenantId tenant, String id) {
        return jdbi.withHandle(h -> h.createQuery(REPORT_COLUMNS + " WHERE r.tenant_id = ? AND r.id = ?")
                .bind(0, tenant.value()).bind(1, id).map((rs, ctx) -> report(rs)).findOne());
    }

    /** The report's PDF, only to its own tenant. */
    public Optional<byte[]> pdf(TenantId tenant, String id) {
        return document(tenant, id, "pdf");
    }

    /** The report's HTML page (UTF-8), only to its own tenant. */
    public Optional<byte[]> html(TenantId tenant, String id) {
        return document(tenant, id, "html");
    }

    private Optional<byte[]> document(TenantId tenant, String id, String column) {
        return jdbi.withHandle(h -> h.createQuery("SELECT d." + column + " FROM report_documents d "
                        + "JOIN reports r ON r.id = d.report_id WHERE r.tenant_id = ? AND r.id = ?")
                .bind(0, tenant.value()).bind(1, id).map((rs, ctx) -> rs.getBytes(1)).findOne());
    }

    private static StoredReport report(ResultSet rs) throws SQLException {
        StoredReport.Delivery delivery = rs.getString(9) == null ? null : new StoredReport.Delivery(
                DeliveryState.parse(rs.getString(9)), JdbiReportScheduleStore.list(rs.getString(10)), rs.getInt(11),
                Timestamps.parse(rs.getString(12)), Timestamps.parse(rs.getString(13)), rs.getString(14));
        return new StoredReport(rs.getString(1), new TenantId(rs.getString(2)), rs.getString(3), rs.getString(4),
                new Window(LocalDate.parse(rs.getString(5)), LocalDate.parse(rs.getString(6))),
                Timestamps.parse(rs.getString(7)), rs.getLong(8), delivery);
    }

    /**
     * Queues a failed email again, as a deliberate act of the tenant: attempts start over and it is
     * due at {@code now}. False when the report has no failed delivery (none, pending, sending or sent).
     */
    public boolean resend(TenantId tenant, String id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE report_outbox SET state = ?, attempts = 0, "
                        + "next_attempt_at = ?, claimed_at = NULL, last_error = NULL "
                        + "WHERE report_id = ? AND tenant_id = ? AND state = ?")
                .bind(0, DeliveryState.PENDING.code()).bind(1, Timestamps.format(now)).bind(2, id)
                .bind(3, tenant.value()).bind(4, DeliveryState.FAILED.code()).execute()) == 1;
    }

    // The outbox ---------------------------------------------------------------------------

    @Override
    public Optional<Delivery> claimDue(Instant now) {
        String at = Timestamps.format(now);
        while (true) {
            Optional<String> candidate = jdbi.withHandle(h -> h.createQuery("SELECT report_id FROM report_outbox "
                            + "WHERE state = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, report_id LIMIT 1")
                    .bind(0, DeliveryState.PENDING.code()).bind(1, at).mapTo(String.class).findOne());
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            String id = candidate.get();
            Optional<Delivery> claimed = jdbi.inTransaction(h -> {
                int won = h.createUpdate("UPDATE report_outbox SET state = ?, attempts = attempts + 1, claimed_at = ? "
                                + "WHERE report_id = ? AND state = ?")
                        .bind(0, DeliveryState.SENDING.code()).bind(1, at).bind(2, id)
                        .bind(3, DeliveryState.PENDING.code()).execute();
                return won == 1 ? Optional.of(delivery(h, id)) : Optional.<Delivery>empty();
            });
            if (claimed.isPresent()) {
                return claimed;
            }
            // another dispatcher claimed it between the two statements: look again
        }
    }

    private static Delivery delivery(Handle h, String id) {
        return h.createQuery("SELECT o.attempts, o.recipients, o.subject, o.body_html, o.attachment_name, d.pdf, "
                        + "o.body_text, o.list_unsubscribe "
                        + "FROM report_outbox o JOIN report_documents d ON d.report_id = o.report_id WHERE o.report_id = ?")
                .bind(0, id)
                .map((rs, ctx) -> new Delivery(id, rs.getInt(1), new EmailMessage(messageId(id),
                        JdbiReportScheduleStore.list(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(7), rs.getString(8),
                        List.of(new EmailMessage.Attachment(rs.getString(5), "application/pdf", rs.getBytes(6))))))
                .one();
    }

    /** The Message-ID of a report's email: the same for every attempt. */
    static String messageId(String reportId) {
        return "report-" + reportId + "@xsell";
    }

    @Override
    public void markSent(String id, Instant at) {
        transition(id, "state = ?, sent_at = ?, last_error = NULL", DeliveryState.SENT.code(), Timestamps.format(at));
    }

    @Override
    public void retryLater(String id, Instant nextAttemptAt, String error) {
        transition(id, "state = ?, next_attempt_at = ?, claimed_at = NULL, last_error = ?", DeliveryState.PENDING.code(),
                Timestamps.format(nextAttemptAt), error);
    }

    @Override
    public void markFailed(String id, Instant at, String error) {
        transition(id, "state = ?, last_error = ?", DeliveryState.FAILED.code(), error);
    }

    private void transition(String id, String set, Object... values) {
        int updated = jdbi.withHandle(h -> {
            var update = h.createUpdate("UPDATE report_outbox SET " + set + " WHERE report_id = ? AND state = ?");
            for (int i = 0; i < values.length; i++) {
                update.bind(i, values[i]);
            }
            return update.bind(values.length, id).bind(values.length + 1, DeliveryState.SENDING.code()).execute();
        });
        if (updated != 1) {
            throw new IllegalStateException("outbox entry " + id + " is no longer sending");
        }
    }

    @Override
    public int failInterrupted(Instant claimedBefore, Instant now, String error) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE report_outbox SET state = ?, last_error = ? "
                        + "WHERE state = ? AND claimed_at < ?")
                .bind(0, DeliveryState.FAILED.code()).bind(1, error).bind(2, DeliveryState.SENDING.code())
                .bind(3, Timestamps.format(claimedBefore)).execute());
    }
}
