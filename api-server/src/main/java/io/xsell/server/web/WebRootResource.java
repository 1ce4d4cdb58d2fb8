package io.xsell.server.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The server's root opens the dashboard. */
@Hidden
@Path("/")
public class WebRootResource {
    @GET
    public Response root() {
        return Response.seeOther(URI.create("/web/")).build();
    }
}
