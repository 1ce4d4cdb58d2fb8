package io.xsell.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.core.metrics.Window;
import io.xsell.server.api.ReportJson;
import io.xsell.server.api.ReportScheduleJson;
import io.xsell.server.api.ReportScheduleRequest;
import io.xsell.server.api.RequestBodies;
import io.xsell.server.api.SendReportRequest;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.port.in.CreateReportScheduleCommand;
import io.xsell.server.port.in.LimitReachedException;
import io.xsell.server.port.in.ManageReportSchedulesUseCase;
import io.xsell.server.port.in.SendReportNowUseCase;
import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import io.xsell.server.reporting.ReportSchedule;
import io.xsell.server.reporting.StoredReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
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
    private final ManageReportSchedulesUseCase schedules;
    private final SendReportNowUseCase sendNow;
    private final Clock clock;

    @Inject
    public ReportSchedulesResource(ManageReportSchedulesUseCase schedules, SendReportNowUseCase sendNow, Clock clock) {
        this.schedules = schedules;
        this.sendNow = sendNow;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a schedule: cadence (weekly, monthly, quarterly), time_zone (IANA), send_day, "
            + "send_time (HH:mm, local), recipients[], optional segment_by")
    public Response create(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                           @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   schema = @Schema(implementation = ReportScheduleRequest.class)))
                           String text) {
        RequestBodies.Body<ReportScheduleRequest> body = RequestBodies.read(text, ReportScheduleRequest.class,
                ReportScheduleRequest.SHAPES, ReportSchedulesResource::invalid);
        if (body.value() == null) {
            throw invalid(List.of(Problem.FieldError.parameter("body", "must be a JSON object")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        CreateReportScheduleCommand command = body.value().toCommand(principal.tenant(), body.unknownFields(), errors);
        if (command == null) {
            throw invalid(errors);
        }
        ReportSchedule created;
        try {
            created = schedules.create(command);
        } catch (LimitReachedException e) {
            throw new ProblemException(Problem.of(409, "Conflict", "too-many-report-schedules", e.getMessage(), null));
        }
        return Response.created(URI.create("/v1/report-schedules/" + created.id()))
                .entity(ReportScheduleJson.of(created)).build();
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
        return schedules.schedules(principal.tenant()).stream().map(ReportScheduleJson::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One report schedule of the tenant")
    public ReportScheduleJson get(@Parameter(hidden = true) @Auth TenantPrincipal principal, @PathParam("id") String id) {
        return schedules.schedule(principal.tenant(), id).map(ReportScheduleJson::of)
                .orElseThrow(() -> notFound(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a schedule: any of the fields of POST; one left out keeps its value (segment_by: "
            + "null returns to the default). Validated as POST (422 naming each bad field); the next send is "
            + "planned again")
    public ReportScheduleJson update(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                     @PathParam("id") String id,
                                     @RequestBody(required = true, content = @Content(
                                             mediaType = MediaType.APPLICATION_JSON,
                                             schema = @Schema(implementation = ReportScheduleRequest.class)))
                                     String text) {
        ReportSchedule current = schedules.schedule(principal.tenant(), id).orElseThrow(() -> notFound(id));
        RequestBodies.Body<ReportScheduleRequest> body = RequestBodies.read(text, ReportScheduleRequest.class,
                ReportScheduleRequest.SHAPES, ReportSchedulesResource::invalid);
        if (body.value() == null) {
            throw invalid(List.of(Problem.FieldError.parameter("body", "must be a JSON object")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        CreateReportScheduleCommand command = body.value().over(current, body.fields())
                .toCommand(principal.tenant(), body.unknownFields(), errors);
        if (command == null) {
            throw invalid(errors);
        }
        return schedules.update(id, command).map(ReportScheduleJson::of).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/send")
    @Operation(summary = "Generate the schedule's summary for a period now (body {from, to}, both optional: the "
            + "schedule's last complete period), store it and queue its email; 202 with the report")
    public Response send(@Parameter(hidden = true) @Auth TenantPrincipal principal, @PathParam("id") String id,
                         @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                 schema = @Schema(implementation = SendReportRequest.class)))
                         String text) {
        ReportSchedule schedule = schedules.schedule(principal.tenant(), id).orElseThrow(() -> notFound(id));
        RequestBodies.Body<SendReportRequest> body = RequestBodies.read(text, SendReportRequest.class,
                SendReportRequest.SHAPES, ReportSchedulesResource::invalid);
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate latestTo = LocalDate.now(clock.withZone(schedule.schedule().zone())).plusDays(1);
        Window period = body.value() == null ? null
                : body.value().toWindow(body.unknownFields(), latestTo, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        StoredReport report = sendNow.sendNow(principal.tenant(), id, period).orElseThrow(() -> notFound(id));
        return Response.accepted(ReportJson.of(report)).build();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no report schedule with id '" + id + "'");
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a report schedule; reports it generated stay")
    public Response delete(@Parameter(hidden = true) @Auth TenantPrincipal principal, @PathParam("id") String id) {
        if (!schedules.delete(principal.tenant(), id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }
}
