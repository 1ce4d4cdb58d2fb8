package io.xsell.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.server.api.ReportJson;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import io.xsell.server.port.in.ReadStoredReportsQuery;
import io.xsell.server.port.in.ResendReportUseCase;
import io.xsell.server.reporting.StoredReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /v1/reports}: the tenant's generated summaries, their documents and email delivery. */
@Path("/v1/reports")
@Tag(name = "reports")
public class ReportsResource {
    private final ReadStoredReportsQuery reports;
    private final ResendReportUseCase resends;

    @Inject
    public ReportsResource(ReadStoredReportsQuery reports, ResendReportUseCase resends) {
        this.reports = reports;
        this.resends = resends;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's generated summaries, newest first, each with its email delivery status")
    public List<ReportJson> list(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                 @Parameter(schema = @Schema(type = "integer", format = "int32", defaultValue = "50",
                                         minimum = "1", maximum = "500"))
                                 @QueryParam("limit") String limit) {
        int n = QueryParams.integer("limit", limit, 50, 1, 500);
        return reports.reports(principal.tenant(), n).stream().map(ReportJson::of).toList();
    }

    @GET
    @Path("/{id}.pdf")
    @Produces("application/pdf")
    @Operation(summary = "A summary as PDF")
    public Response pdf(@Parameter(hidden = true) @Auth TenantPrincipal principal, @PathParam("id") String id) {
        byte[] pdf = reports.pdf(principal.tenant(), id).orElseThrow(() -> notFound(id));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"cross-sell-summary-" + id + ".pdf\"").build();
    }

    @GET
    @Path("/{id}.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A summary as a printable HTML page")
    public Response html(@Parameter(hidden = true) @Auth TenantPrincipal principal, @PathParam("id") String id) {
        byte[] html = reports.html(principal.tenant(), id).orElseThrow(() -> notFound(id));
        return Response.ok(html, MediaType.TEXT_HTML + ";charset=utf-8").build();
    }

    @POST
    @Path("/{id}/resend")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a failed email again (attempts start over); 409 unless its delivery failed")
    public Response resend(@Parameter(hidden = true) @Auth TenantPrincipal principal, @PathParam("id") String id) {
        ResendReportUseCase.Resend resend = resends.resend(principal.tenant(), id).orElseThrow(() -> notFound(id));
        StoredReport report = resend.report();
        if (!resend.queued()) {
            String state = report.delivery() == null ? "has no email" : "is " + report.delivery().state().code();
            throw new ProblemException(Problem.of(409, "Conflict", "not-failed",
                    "report '" + id + "' " + state + "; only a failed delivery is sent again", null));
        }
        return Response.accepted(ReportJson.of(report)).build();
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no report with id '" + id + "'");
    }
}
