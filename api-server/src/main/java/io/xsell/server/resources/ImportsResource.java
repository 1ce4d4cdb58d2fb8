package io.xsell.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.core.dataimport.ImportOutcome;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.api.ImportJson;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.dataimport.UploadedZip;
import io.xsell.server.port.in.ImportCsvCommand;
import io.xsell.server.port.in.ImportCsvUseCase;
import io.xsell.server.port.in.ReadImportsQuery;
import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import io.xsell.server.tenant.Tenant;
import io.xsell.server.tenant.TenantRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** Canonical CSV imports: a zip in, the tenant's CSV-sourced data replaced atomically. */
@Path("/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports")
public class ImportsResource {
    private final ImportCsvUseCase imports;
    private final ReadImportsQuery history;
    private final TenantRegistry tenants;
    private final XsellConfiguration configuration;

    @Inject
    public ImportsResource(ImportCsvUseCase imports, ReadImportsQuery history, TenantRegistry tenants,
                           XsellConfiguration configuration) {
        this.imports = imports;
        this.history = history;
        this.tenants = tenants;
        this.configuration = configuration;
    }

    /**
     * 201 with the new import; 200 with the earlier one when the files are identical to the latest
     * import; 422 with every error when the data is bad (nothing stored).
     */
    @POST
    @Consumes("application/zip")
    @Operation(summary = "Import a zip of canonical CSV files, replacing the tenant's CSV-sourced data atomically")
    public Response create(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                           @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           InputStream body) throws IOException {
        if (contentType == null) {
            // JAX-RS matches a request without a type to any @Consumes; the contract asks for the zip type.
            throw new ProblemException(Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "send the zip with Content-Type: application/zip"));
        }
        Tenant tenant = tenants.findById(principal.tenant()).orElseThrow(() -> ProblemException.notFound("no such tenant"));
        try (UploadedZip zip = UploadedZip.receive(body, configuration.getMaxUploadSize().toBytes(),
                configuration.getMaxUncompressedSize().toBytes())) {
            ImportOutcome outcome = imports.importCsv(new ImportCsvCommand(tenant.id(), zip.file(), zip.fingerprint()));
            if (outcome.unchanged()) {
                return Response.ok(ImportJson.of(outcome.record(), "unchanged")).build();
            }
            return Response.created(URI.create("/v1/imports/" + outcome.record().id()))
                    .entity(ImportJson.of(outcome.record(), "imported")).build();
        }
    }

    @GET
    @Operation(summary = "The tenant's imports, newest first")
    public List<ImportJson> list(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                 @Parameter(schema = @Schema(type = "integer", format = "int32", defaultValue = "50",
                                         minimum = "1", maximum = "1000"))
                                 @QueryParam("limit") String limit) {
        // taken as text: Jersey answers an unparsable int parameter with 404, not the 400 it is
        int max = QueryParams.integer("limit", limit, 50, 1, 1000);
        return history.imports(principal.tenant(), max).stream().map(r -> ImportJson.of(r, "imported")).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One import of the tenant")
    public ImportJson get(@Parameter(hidden = true) @Auth TenantPrincipal principal, @PathParam("id") String id) {
        return history.importRecord(principal.tenant(), id).map(r -> ImportJson.of(r, "imported"))
                .orElseThrow(() -> ProblemException.notFound("no import with id '" + id + "'"));
    }
}
