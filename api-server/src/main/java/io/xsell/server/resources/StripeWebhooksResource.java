package io.xsell.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.xsell.server.openapi.OpenApiDocument;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.server.problem.Problem;
import io.xsell.server.port.in.ReceiveStripeWebhookCommand;
import io.xsell.server.port.in.ReceiveStripeWebhookUseCase;
import io.xsell.server.port.in.WebhookReceipt;
import io.xsell.server.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stripe's webhook deliveries. Stripe sends no API key: a delivery is authenticated by its
 * {@code Stripe-Signature}, checked against the connection's endpoint secret; one that does not
 * verify is refused with 400 and nothing of it is stored.
 */
@Path("/v1/webhooks/stripe")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
public class StripeWebhooksResource {
    private final ReceiveStripeWebhookUseCase webhooks;

    @Inject
    public StripeWebhooksResource(ReceiveStripeWebhookUseCase webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Path("/{connection_id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Receive a Stripe event for a connection (authenticated by Stripe-Signature, not by API key)",
            extensions = @Extension(properties = @ExtensionProperty(name = OpenApiDocument.SIGNATURE_AUTHENTICATED,
                    value = "Stripe-Signature")))
    public Response receive(@PathParam("connection_id") String connectionId,
                            @Parameter(description = "Stripe's signature of the payload")
                            @HeaderParam("Stripe-Signature") String signature,
                            String payload) {
        WebhookReceipt delivery = webhooks.receive(new ReceiveStripeWebhookCommand(connectionId, payload, signature));
        switch (delivery.outcome()) {
            case UNKNOWN_CONNECTION -> throw ProblemException.notFound(delivery.detail());
            case NO_SECRET, BAD_SIGNATURE -> throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST,
                    "bad-webhook-signature", delivery.detail()));
            case UNAVAILABLE -> throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "stripe-unavailable", delivery.detail()));
            default -> {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("received", true);
                answer.put("event_id", delivery.eventId());
                answer.put("status", delivery.outcome().name().toLowerCase(java.util.Locale.ROOT));
                return Response.ok(answer).build();
            }
        }
    }
}
