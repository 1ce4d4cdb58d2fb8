package io.xsell.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.core.model.DisplayNames;
import io.xsell.server.api.DisplayNamesJson;
import io.xsell.server.api.RequestBodies;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.port.in.ManageDisplayNamesUseCase;
import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** The tenant's display names for product lines and segment values (docs/api.md#display-names). */
@Path("/v1/display-names")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "display names")
public class DisplayNamesResource {
    private final ManageDisplayNamesUseCase names;

    @Inject
    public DisplayNamesResource(ManageDisplayNamesUseCase names) {
        this.names = names;
    }

    @GET
    @Operation(summary = "The tenant's mapping of product line ids and segment values to display names")
    public DisplayNamesJson get(@Parameter(hidden = true) @Auth TenantPrincipal principal) {
        return DisplayNamesJson.of(names.mapping(principal.tenant()));
    }

    /** Replaces the whole mapping: names left out are removed; answers show the new names at once. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the tenant's display names (names at most 200 characters, at most 5000 in all)")
    public DisplayNamesJson put(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = DisplayNamesJson.class))) String text) {
        RequestBodies.Body<DisplayNamesJson> body = RequestBodies.read(text, DisplayNamesJson.class,
                DisplayNamesJson.SHAPES, DisplayNamesResource::invalid);
        List<Problem.FieldError> errors = new ArrayList<>();
        body.unknownFields().forEach(f -> errors.add(Problem.FieldError.parameter(f,
                "unknown field; give product_lines and segments")));
        if (body.value() == null) {
            errors.add(Problem.FieldError.parameter("body", DisplayNamesJson.SHAPES.get("body")));
            throw invalid(errors);
        }
        DisplayNames mapping = body.value().toNames(errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return DisplayNamesJson.of(names.replaceMapping(principal.tenant(), mapping));
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, "Unprocessable Content", "invalid-display-names",
                "the display names are invalid", errors));
    }
}
