package io.xsell.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.core.engagement.BatchKind;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.engagement.BatchIntake;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/** A batch of touchpoints: up to 10,000 rows, all or nothing, stored once per Idempotency-Key. */
@Path("/v1/touchpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "engagement")
public class TouchpointsResource {
    private static final String EXAMPLE = "{\"touchpoints\": [{\"customer_id\": \"c1\", \"campaign_id\": \"spring\", \"date\": \"2025-03-05\"}]}";

    private final BatchIntake intake;

    @Inject
    public TouchpointsResource(BatchIntake intake) {
        this.intake = intake;
    }

    /** 201 with the batch's receipt, also for a retry (then with Idempotent-Replayed: true); 422 with every bad row. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Touchpoints tying customers to campaigns; every campaign_id must exist: a JSON batch of up to 10,000, idempotent by the Idempotency-Key header")
    public Response create(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                           @Parameter(in = ParameterIn.HEADER, required = true,
                                   description = "client-chosen key of the batch (e.g. a UUID); a retry with it is "
                                           + "answered without storing the batch twice")
                           @HeaderParam(BatchIntake.IDEMPOTENCY_KEY) String idempotencyKey,
                           @RequestBody(required = true, description = "1 to 10,000 rows",
                                   content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                           examples = @ExampleObject(value = EXAMPLE)))
                           InputStream body) throws IOException {
        return intake.receive(principal.tenant(), BatchKind.TOUCHPOINTS, idempotencyKey, body);
    }
}
