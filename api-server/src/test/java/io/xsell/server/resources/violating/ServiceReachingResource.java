package io.xsell.server.resources.violating;

import io.xsell.core.model.TenantId;
import io.xsell.server.connections.ConnectionsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import ru.vyarus.dropwizard.guice.module.installer.scanner.InvisibleForScanner;

/**
 * A resource that skips the use-case port: {@code ResourcesOnPortsRuleTest} shows the rule catches it.
 * Invisible to guicey's classpath scan, so servers started by tests never install it.
 */
@InvisibleForScanner
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
