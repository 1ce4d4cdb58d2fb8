package io.xsell.server.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.reporting.mail.Recipients;
import io.xsell.reporting.schedule.Cadence;
import io.xsell.reporting.schedule.SendSchedule;
import io.xsell.server.api.ReportScheduleJson;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import io.xsell.server.reporting.ReportSchedule;
import io.xsell.server.reporting.JdbiReportScheduleStore;
import io.xsell.server.reporting.ReportSchedules;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /v1/report-schedules}: a tenant's standing orders for emailed summaries. A bad field,
 * and each bad recipient by its index, is named in a 422 problem; nothing is stored then.
 */
@Path("/v1/report-schedules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class ReportSchedulesResource {
    private static final int MAX_SCHEDULES_PER_TENANT = 100;

    private final ReportSchedules schedules;
    private final JdbiReportScheduleStore store;

    @Inject
    public ReportSchedulesResource(ReportSchedules schedules, JdbiReportScheduleStore store) {
        this.schedules = schedules;
        this.store = store;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a schedule: cadence (weekly, monthly, quarterly), time_zone (IANA), send_day, "
            + "send_time (HH:mm, local), recipients[], optional segment_by")
    public Response create(@Parameter(hidden = true) @Auth TenantPrincipal principal, JsonNode body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw invalid(List.of(Problem.FieldError.parameter("body", "must be a JSON object")));
        }
        Cadence cadence = Cadence.MONTHLY;
        String cadenceText = text(body, "cadence", errors);
        if (cadenceText != null) {
            try {
                cadence = Cadence.parse(cadenceText);
            } catch (IllegalArgumentException e) {
                errors.add(Problem.FieldError.parameter("cadence", e.getMessage()));
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        String zoneText = text(body, "time_zone", errors);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                errors.add(Problem.FieldError.parameter("time_zone", "'" + zoneText
                        + "' is not an IANA time zone (for example Europe/Berlin)"));
            }
        }
        int sendDay = 1;
        JsonNode day = body.get("send_day");
        if (day != null && !day.isNull()) {
            if (!day.isInt()) {
                errors.add(Problem.FieldError.parameter("send_day", "must be a whole number"));
            } else if (day.asInt() < 1 || day.asInt() > SendSchedule.maxSendDay(cadence)) {
                errors.add(Problem.FieldError.parameter("send_day", "must be between 1 and "
                        + SendSchedule.maxSendDay(cadence) + " for a " + cadence.code() + " schedule"
                        + (cadence == Cadence.WEEKLY ? " (1 = Monday)" : "") + ", was " + day.asInt()));
            } else {
                sendDay = day.asInt();
            }
        }
        LocalTime sendTime = LocalTime.of(8, 0);
        String timeText = text(body, "send_time", errors);
        if (timeText != null) {
            try {
                sendTime = LocalTime.parse(timeText);
            } catch (DateTimeParseException e) {
                errors.add(Problem.FieldError.parameter("send_time", "'" + timeText + "' is not a time (HH:mm)"));
            }
        }
        List<String> recipients = recipients(body.get("recipients"), errors);
        String segmentBy = text(body, "segment_by", errors);
        if (segmentBy != null && segmentBy.isBlank()) {
            errors.add(Problem.FieldError.parameter("segment_by", "must not be empty"));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!List.of("cadence", "time_zone", "send_day", "send_time", "recipients", "segment_by").contains(name)) {
                errors.add(Problem.FieldError.parameter(name, "is not a field of a report schedule"));
            }
        });
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (store.count(principal.tenant()) >= MAX_SCHEDULES_PER_TENANT) {
            throw new ProblemException(Problem.of(409, "Conflict", "too-many-report-schedules",
                    "a tenant has at most " + MAX_SCHEDULES_PER_TENANT + " report schedules", null));
        }
        ReportSchedule created = schedules.create(principal.tenant(), new SendSchedule(cadence, zone, sendDay, sendTime),
                recipients, segmentBy);
        return Response.created(URI.create("/v1/report-schedules/" + created.id()))
                .entity(ReportScheduleJson.of(created)).build();
    }

    private static String text(JsonNode body, String field, List<Problem.FieldError> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(Problem.FieldError.parameter(field, "must be a string"));
            return null;
        }
        return value.asText();
    }

    private static List<String> recipients(JsonNode value, List<Problem.FieldError> errors) {
        if (value == null || value.isNull()) {
            errors.add(Problem.FieldError.parameter("recipients", "is required: a list of email addresses"));
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(Problem.FieldError.parameter("recipients", "must be a list of email addresses"));
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode address = value.get(i);
            if (!address.isTextual()) {
                errors.add(Problem.FieldError.parameter("recipients[" + i + "]", "must be a string"));
                addresses.add(null);
            } else {
                addresses.add(address.asText().trim());
            }
        }
        for (Recipients.Problem problem : Recipients.check(addresses)) {
            if (problem.index() >= 0 && addresses.get(problem.index()) == null) {
                continue; // already named as not a string
            }
            errors.add(Problem.FieldError.parameter(problem.index() < 0 ? "recipients" : "recipients[" + problem.index() + "]",
                    problem.message()));
        }
        return addresses;
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        StringBuilder detail = new StringBuilder("the report schedule is invalid: ");
        for (int i = 0; i < errors.size(); i++) {
            detail.append(i == 0 ? "" : "; ").append(errors.get(i).field()).append(" ").append(errors.get(i).message());
        }
        return new ProblemException(Problem.of(422, "Unprocessable Content", "invalid-report-schedule",
                detail.toString(), errors));
    }

    @GET
    @Operation(summary = "The tenant's report schedules, oldest first")
    public List<ReportScheduleJson> list(@Parameter(hidden = true) @Auth TenantPrincipal principal) {
        return store.list(principal.tenant()).stream().map(ReportScheduleJson::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One report schedule of the tenant")
    public ReportScheduleJson get(@Parameter(hidden = true) @Auth TenantPrincipal principal, @PathParam("id") String id) {
        return store.find(principal.tenant(), id).map(ReportScheduleJson::of)
                .orElseThrow(() -> ProblemException.notFound("no report schedule with id '" + id + "'"));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a report schedule; reports it generated stay")
    public Response delete(@Parameter(hidden = true) @Auth TenantPrincipal principal, @PathParam("id") String id) {
        if (!schedules.delete(principal.tenant(), id)) {
            throw ProblemException.notFound("no report schedule with id '" + id + "'");
        }
        return Response.noContent().build();
    }
}
