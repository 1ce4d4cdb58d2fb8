package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.model.TenantId;
import io.xsell.reporting.mail.Recipients;
import io.xsell.reporting.schedule.Cadence;
import io.xsell.reporting.schedule.SendSchedule;
import io.xsell.server.port.in.CreateReportScheduleCommand;
import io.xsell.server.problem.Problem;
import io.xsell.server.reporting.ReportSchedule;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/report-schedules}: {@code cadence} (default monthly), {@code time_zone}
 * (IANA, default UTC), {@code send_day} (default 1), {@code send_time} (HH:mm local, default 08:00),
 * {@code recipients} (required) and optional {@code segment_by}; no other field.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportScheduleRequest(String cadence, String timeZone, Integer sendDay, String sendTime,
                                    List<String> recipients, String segmentBy) {
    /** Messages for fields of the wrong JSON type (see {@link RequestBodies#read}). */
    public static final Map<String, String> SHAPES = Map.of(
            "body", "must be a JSON object",
            "recipients", "must be a list of email addresses");

    /**
     * A change ({@code PATCH}) as the full request: a field left out or given as null keeps the
     * schedule's value, except {@code segment_by}, which given as null returns to the configured default.
     *
     * @param fields the body's top-level fields, to tell a null from one left out
     */
    public ReportScheduleRequest over(ReportSchedule current, List<String> fields) {
        SendSchedule s = current.schedule();
        return new ReportScheduleRequest(cadence != null ? cadence : s.cadence().code(),
                timeZone != null ? timeZone : s.zone().getId(), sendDay != null ? sendDay : s.sendDay(),
                sendTime != null ? sendTime : s.sendTime().toString(),
                recipients != null ? recipients : current.recipients(),
                fields.contains("segment_by") ? segmentBy : current.segmentBy());
    }

    /**
     * The command, or null with every problem of the request in {@code errors}.
     *
     * @param unknownFields the body's fields that are not a schedule's, each named as an error
     */
    public CreateReportScheduleCommand toCommand(TenantId tenant, List<String> unknownFields,
                                                 List<Problem.FieldError> errors) {
        int before = errors.size();
        Cadence parsedCadence = Cadence.MONTHLY;
        if (cadence != null) {
            try {
                parsedCadence = Cadence.parse(cadence);
            } catch (IllegalArgumentException e) {
                errors.add(Problem.FieldError.parameter("cadence", e.getMessage()));
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        if (timeZone != null) {
            try {
                zone = ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                errors.add(Problem.FieldError.parameter("time_zone", "'" + timeZone
                        + "' is not an IANA time zone (for example Europe/Berlin)"));
            }
        }
        int day = 1;
        if (sendDay != null) {
            int max = SendSchedule.maxSendDay(parsedCadence);
            if (sendDay < 1 || sendDay > max) {
                errors.add(Problem.FieldError.parameter("send_day", "must be between 1 and " + max + " for a "
                        + parsedCadence.code() + " schedule" + (parsedCadence == Cadence.WEEKLY ? " (1 = Monday)" : "")
                        + ", was " + sendDay));
            } else {
                day = sendDay;
            }
        }
        LocalTime time = LocalTime.of(8, 0);
        if (sendTime != null) {
            try {
                time = LocalTime.parse(sendTime);
            } catch (DateTimeParseException e) {
                errors.add(Problem.FieldError.parameter("send_time", "'" + sendTime + "' is not a time (HH:mm)"));
            }
        }
        List<String> addresses = addresses(errors);
        if (segmentBy != null && segmentBy.isBlank()) {
            errors.add(Problem.FieldError.parameter("segment_by", "must not be empty"));
        }
        unknownFields.forEach(name ->
                errors.add(Problem.FieldError.parameter(name, "is not a field of a report schedule")));
        return errors.size() > before ? null
                : new CreateReportScheduleCommand(tenant, new SendSchedule(parsedCadence, zone, day, time), addresses,
                segmentBy);
    }

    private List<String> addresses(List<Problem.FieldError> errors) {
        if (recipients == null) {
            errors.add(Problem.FieldError.parameter("recipients", "is required: a list of email addresses"));
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            if (recipients.get(i) == null) {
                errors.add(Problem.FieldError.parameter("recipients[" + i + "]", "must be a string"));
                addresses.add(null);
            } else {
                addresses.add(recipients.get(i).trim());
            }
        }
        for (Recipients.Problem problem : Recipients.check(addresses)) {
            if (problem.index() >= 0 && addresses.get(problem.index()) == null) {
                continue; // already named as not a string
            }
            errors.add(Problem.FieldError.parameter(
                    problem.index() < 0 ? "recipients" : "recipients[" + problem.index() + "]", problem.message()));
        }
        return addresses;
    }
}
