package io.xsell.server.resources.violating;

import io.xsell.core.model.TenantId;
import io.xsell.server.connections.ConnectionsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource that skips the use-case port: {@code ResourcesOnPortsRuleTest} shows the rule catches it. */
@Path("/violating")
public class ServiceReachingResource {
    private final ConnectionsService service;

    public ServiceReachingResource(ConnectionsService service) {
        this.service = service;
    }

    @GET
    public int count() {
        return service.connections(new TenantId("t")).size();
    }
}
