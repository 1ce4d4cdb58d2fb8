package io.xsell.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.server.openapi.OpenApiDocument;
import io.xsell.server.port.in.ChargebeeWebhookReceipt;
import io.xsell.server.port.in.ReceiveChargebeeWebhookCommand;
import io.xsell.server.port.in.ReceiveChargebeeWebhookUseCase;
import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Chargebee's webhook deliveries. Chargebee signs nothing and sends no API key: a delivery is
 * authenticated by the HTTP basic-auth credentials given when connecting (401 and nothing stored
 * otherwise), and its event is fetched again from Chargebee by id before it is trusted.
 */
@Path("/v1/webhooks/chargebee")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
public class ChargebeeWebhooksResource {
    private final ReceiveChargebeeWebhookUseCase webhooks;

    @Inject
    public ChargebeeWebhooksResource(ReceiveChargebeeWebhookUseCase webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Path("/{connection_id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Receive a Chargebee event for a connection (authenticated by the connection's webhook "
            + "basic-auth credentials, not by API key); the event is re-fetched from Chargebee by id",
            extensions = @Extension(properties = @ExtensionProperty(name = OpenApiDocument.SIGNATURE_AUTHENTICATED,
                    value = "Authorization")))
    public Response receive(@PathParam("connection_id") String connectionId,
                            @Parameter(description = "HTTP basic auth with the connection's webhook username and password")
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            String payload) {
        ChargebeeWebhookReceipt delivery = webhooks.receive(new ReceiveChargebeeWebhookCommand(connectionId, payload,
                authorization));
        switch (delivery.outcome()) {
            case UNKNOWN_CONNECTION -> throw ProblemException.notFound(delivery.detail());
            case NO_SECRET, BAD_CREDENTIALS -> throw new ProblemException(Problem.of(Response.Status.UNAUTHORIZED,
                    "bad-webhook-credentials", delivery.detail()));
            case MALFORMED -> throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST,
                    "bad-webhook-payload", delivery.detail()));
            case UNKNOWN_EVENT -> throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST,
                    "unknown-chargebee-event", delivery.detail()));
            case UNAVAILABLE -> throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "chargebee-unavailable", delivery.detail()));
            default -> {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("received", true);
                answer.put("event_id", delivery.eventId());
                answer.put("status", delivery.outcome().name().toLowerCase(Locale.ROOT));
                return Response.ok(answer).build();
            }
        }
    }
}
