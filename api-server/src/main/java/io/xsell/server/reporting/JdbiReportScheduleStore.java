package io.xsell.server.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xsell.core.model.TenantId;
import io.xsell.reporting.schedule.Cadence;
import io.xsell.reporting.schedule.SendSchedule;
import io.xsell.server.persistence.Timestamps;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code report_schedules} table. Every read and write is scoped to one tenant, except the scheduler's. */
public class JdbiReportScheduleStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "SELECT id, tenant_id, cadence, time_zone, send_day, send_time, recipients, "
            + "segment_by, created_at, next_run_at FROM report_schedules";

    private final Jdbi jdbi;

    public JdbiReportScheduleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores the schedule with a new random unsubscribe token (256 bits, URL-safe). */
    public void insert(ReportSchedule s) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO report_schedules (id, tenant_id, cadence, time_zone, send_day, "
                        + "send_time, recipients, segment_by, created_at, next_run_at, unsubscribe_token) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, s.id()).bind(1, s.tenant().value()).bind(2, s.schedule().cadence().code())
                .bind(3, s.schedule().zone().getId()).bind(4, s.schedule().sendDay())
                .bind(5, s.schedule().sendTime().toString()).bind(6, json(s.recipients())).bind(7, s.segmentBy())
                .bind(8, Timestamps.format(s.createdAt())).bind(9, Timestamps.format(s.nextRunAt()))
                .bind(10, Base64.getUrlEncoder().withoutPadding().encodeToString(token))
                .execute());
    }

    /** The token of the schedule's unsubscribe link; empty for a schedule made before tokens existed. */
    public Optional<String> unsubscribeToken(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT unsubscribe_token FROM report_schedules WHERE id = ?")
                .bind(0, id).mapTo(String.class).findOne().filter(t -> t != null && !t.isEmpty()));
    }

    /** The schedule an unsubscribe link names. */
    public Optional<ReportSchedule> findByUnsubscribeToken(String token) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE unsubscribe_token = ?")
                .bind(0, token).map((rs, ctx) -> row(rs)).findOne());
    }

    public List<ReportSchedule> list(TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE tenant_id = ? ORDER BY created_at, id")
                .bind(0, tenant.value()).map((rs, ctx) -> row(rs)).list());
    }

    public int count(TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM report_schedules WHERE tenant_id = ?")
                .bind(0, tenant.value()).mapTo(Integer.class).one());
    }

    public Optional<ReportSchedule> find(TenantId tenant, String id) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE tenant_id = ? AND id = ?")
                .bind(0, tenant.value()).bind(1, id).map((rs, ctx) -> row(rs)).findOne());
    }

    /** For the scheduler, which knows only the id. */
    public Optional<ReportSchedule> find(String id) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE id = ?")
                .bind(0, id).map((rs, ctx) -> row(rs)).findOne());
    }

    public boolean delete(TenantId tenant, String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM report_schedules WHERE tenant_id = ? AND id = ?")
                .bind(0, tenant.value()).bind(1, id).execute()) == 1;
    }

    /** Replaces what and when the tenant's schedule sends (its id, creation time and unsubscribe token stay). */
    public boolean update(ReportSchedule s) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE report_schedules SET cadence = ?, time_zone = ?, send_day = ?, "
                        + "send_time = ?, recipients = ?, segment_by = ?, next_run_at = ? WHERE tenant_id = ? AND id = ?")
                .bind(0, s.schedule().cadence().code()).bind(1, s.schedule().zone().getId())
                .bind(2, s.schedule().sendDay()).bind(3, s.schedule().sendTime().toString())
                .bind(4, json(s.recipients())).bind(5, s.segmentBy()).bind(6, Timestamps.format(s.nextRunAt()))
                .bind(7, s.tenant().value()).bind(8, s.id())
                .execute()) == 1;
    }

    public void setNextRun(String id, Instant nextRunAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE report_schedules SET next_run_at = ? WHERE id = ?")
                .bind(0, Timestamps.format(nextRunAt)).bind(1, id).execute());
    }

    private static ReportSchedule row(ResultSet rs) throws SQLException {
        SendSchedule schedule = new SendSchedule(Cadence.parse(rs.getString(3)), ZoneId.of(rs.getString(4)),
                rs.getInt(5), LocalTime.parse(rs.getString(6)));
        return new ReportSchedule(rs.getString(1), new TenantId(rs.getString(2)), schedule, list(rs.getString(7)),
                rs.getString(8), Timestamps.parse(rs.getString(9)), Timestamps.parse(rs.getString(10)));
    }

    static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> list(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored recipients are not a JSON list: " + json, e);
        }
    }
}
