package io.xsell.server.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.server.openapi.OpenApiDocument;
import io.xsell.server.port.in.UnsubscribeUseCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /unsubscribe/{token}}: the List-Unsubscribe link of a summary email. The token (256 random
 * bits, one per schedule) is the authority, as RFC 8058 intends: no API key. GET only shows a
 * button, because mail scanners fetch links; POST (the button, or a mail client's one-click
 * {@code List-Unsubscribe=One-Click}) deletes the schedule, which stops its emails for every
 * recipient. An unknown or used token answers 404 with the same page for both.
 */
@Path("/unsubscribe/{token}")
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
@Tag(name = "reports")
public class UnsubscribeResource {
    private final UnsubscribeUseCase unsubscribe;

    @Inject
    public UnsubscribeResource(UnsubscribeUseCase unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    @GET
    @Operation(summary = "The page of an email's unsubscribe link: a button that stops the schedule's emails",
            extensions = @Extension(properties = @ExtensionProperty(name = OpenApiDocument.SIGNATURE_AUTHENTICATED,
                    value = "unsubscribe token")))
    public Response page(@PathParam("token") String token) {
        if (unsubscribe.scheduleOfToken(token).isEmpty()) {
            return gone();
        }
        return Response.ok(page("Stop these cross-sell summaries?",
                "<p>This removes the schedule that sends the summary: no recipient of it will receive it again.</p>"
                        + "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>")).build();
    }

    @POST
    @Operation(summary = "Remove the schedule of an email's unsubscribe link (RFC 8058 one-click)",
            extensions = @Extension(properties = @ExtensionProperty(name = OpenApiDocument.SIGNATURE_AUTHENTICATED,
                    value = "unsubscribe token")))
    public Response unsubscribe(@PathParam("token") String token) {
        if (!unsubscribe.unsubscribe(token)) {
            return gone();
        }
        return Response.ok(page("Unsubscribed", "<p>The schedule is removed; no more summaries will be sent by it.</p>"))
                .build();
    }

    private static Response gone() {
        return Response.status(Response.Status.NOT_FOUND)
                .entity(page("Nothing to unsubscribe from", "<p>This link is unknown or was already used.</p>")).build();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>" + title + "</title></head>"
                + "<body style=\"font-family: sans-serif; max-width: 40em; margin: 3em auto;\"><h1>" + title + "</h1>"
                + body + "</body></html>";
    }
}
