package io.xsell.server.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xsell.core.model.InvalidDatasetException;
import io.xsell.server.api.ConnectChargebeeRequest;
import io.xsell.server.api.ConnectStripeRequest;
import io.xsell.server.api.ConnectionSettingsRequest;
import io.xsell.server.api.RequestBodies;
import io.xsell.server.api.StripeConnectionJson;
import io.xsell.server.api.SyncRunJson;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.port.in.ChangeConnectionSettingsCommand;
import io.xsell.server.port.in.ChangeConnectionSettingsUseCase;
import io.xsell.server.port.in.ConnectChargebeeCommand;
import io.xsell.server.port.in.ConnectChargebeeUseCase;
import io.xsell.server.port.in.ConnectStripeCommand;
import io.xsell.server.port.in.ConnectStripeUseCase;
import io.xsell.server.port.in.ConnectionFailedException;
import io.xsell.server.port.in.ConnectionView;
import io.xsell.server.port.in.ReadConnectionsQuery;
import io.xsell.server.port.in.SyncConnectionUseCase;
import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import io.xsell.server.tenant.TenantRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Billing-system connections: connect a Stripe account or a Chargebee site, read them, follow their syncs. */
@Path("/v1/connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "connections")
public class ConnectionsResource {
    private final ConnectStripeUseCase connect;
    private final ConnectChargebeeUseCase connectChargebee;
    private final ReadConnectionsQuery connections;
    private final ChangeConnectionSettingsUseCase settings;
    private final SyncConnectionUseCase sync;
    private final TenantRegistry tenants;

    @Inject
    public ConnectionsResource(ConnectStripeUseCase connect, ConnectChargebeeUseCase connectChargebee,
                               ReadConnectionsQuery connections,
                               ChangeConnectionSettingsUseCase settings, SyncConnectionUseCase sync,
                               TenantRegistry tenants) {
        this.connect = connect;
        this.connectChargebee = connectChargebee;
        this.connections = connections;
        this.settings = settings;
        this.sync = sync;
        this.tenants = tenants;
    }

    /**
     * Body: {@code api_key} (a restricted read key, {@code rk_} or {@code sk_}), {@code reporting_currency}
     * (the tenant's), optional {@code webhook_secret}, {@code product_lines}
     * ({@code {"prod_..": {"product_line": .., "kind": ..}}}) and {@code fx_rates}
     * ({@code [{"date", "currency", "rate"}]}). The key is checked with one call to Stripe, then
     * stored encrypted; the first sync starts at once.
     */
    @POST
    @Path("/stripe")
    // any type is let through to the method so that a missing key is a 401 before a wrong type is a 415
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Connect a Stripe account; its first sync starts at once")
    public Response connectStripe(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                  @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                          schema = @Schema(implementation = ConnectStripeRequest.class)))
                                  String text) {
        requireJson(contentType);
        ConnectStripeRequest body = RequestBodies.read(text, ConnectStripeRequest.class, ConnectStripeRequest.SHAPES,
                ConnectionsResource::invalid).value();
        String currency = tenants.reportingCurrency(principal.tenant());
        if (body == null) {
            throw invalid(List.of(Problem.FieldError.parameter("body", "must be a JSON object")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        ConnectStripeCommand command = body.toCommand(principal.tenant(), currency, errors);
        if (command == null) {
            throw invalid(errors);
        }
        ConnectionView connection;
        try {
            connection = connect.connect(command);
        } catch (ConnectionFailedException e) {
            throw switch (e.reason()) {
                case NO_MASTER_KEY -> new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                        "no-master-key", e.getMessage()));
                case KEY_REFUSED -> invalid(List.of(Problem.FieldError.parameter("api_key",
                        "Stripe refused the key (HTTP " + e.providerStatus() + ")")));
                case PROVIDER_UNAVAILABLE -> new ProblemException(Problem.of(Response.Status.BAD_GATEWAY,
                        "stripe-unavailable", "the key could not be checked: " + e.getMessage()));
            };
        }
        return Response.created(URI.create("/v1/connections/" + connection.id()))
                .entity(StripeConnectionJson.of(connection)).build();
    }

    /**
     * Body: {@code site} (as in {@code https://{site}.chargebee.com}), {@code api_key} (a read-only
     * key), {@code reporting_currency} (the tenant's), optional {@code webhook_username} and
     * {@code webhook_password} (the basic-auth credentials Chargebee's webhook sends), {@code product_lines}
     * and {@code fx_rates} as for Stripe. The key is checked with one call to Chargebee, then stored
     * encrypted with the credentials; the first sync starts at once.
     */
    @POST
    @Path("/chargebee")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Connect a Chargebee site; its first sync starts at once")
    public Response connectChargebee(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                     @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                     @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                             schema = @Schema(implementation = ConnectChargebeeRequest.class)))
                                     String text) {
        requireJson(contentType);
        ConnectChargebeeRequest body = RequestBodies.read(text, ConnectChargebeeRequest.class,
                ConnectChargebeeRequest.SHAPES, ConnectionsResource::invalid).value();
        String currency = tenants.reportingCurrency(principal.tenant());
        if (body == null) {
            throw invalid(List.of(Problem.FieldError.parameter("body", "must be a JSON object")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        ConnectChargebeeCommand command = body.toCommand(principal.tenant(), currency, errors);
        if (command == null) {
            throw invalid(errors);
        }
        ConnectionView connection;
        try {
            connection = connectChargebee.connect(command);
        } catch (ConnectionFailedException e) {
            throw switch (e.reason()) {
                case NO_MASTER_KEY -> new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                        "no-master-key", e.getMessage()));
                case KEY_REFUSED -> invalid(List.of(Problem.FieldError.parameter("api_key",
                        "Chargebee refused the key (HTTP " + e.providerStatus() + ")")));
                case PROVIDER_UNAVAILABLE -> new ProblemException(Problem.of(Response.Status.BAD_GATEWAY,
                        "chargebee-unavailable", "the key could not be checked: " + e.getMessage()));
            };
        }
        return Response.created(URI.create("/v1/connections/" + connection.id()))
                .entity(StripeConnectionJson.of(connection)).build();
    }

    @GET
    @Operation(summary = "The tenant's connections (never their keys)")
    public List<StripeConnectionJson> list(@Parameter(hidden = true) @Auth TenantPrincipal principal) {
        return connections.connections(principal.tenant()).stream().map(StripeConnectionJson::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One connection of the tenant (never its key)")
    public StripeConnectionJson get(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                    @PathParam("id") String id) {
        return StripeConnectionJson.of(connection(principal, id));
    }

    /**
     * Body: {@code product_lines} and/or {@code fx_rates}, each replacing the connection's own.
     * Once the account has been synced, its data is mapped again with them at once: settings it
     * cannot be mapped with are refused (422, with the reasons) and nothing changes.
     */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Change a connection's product-line overrides or FX rates; its data is mapped again")
    public StripeConnectionJson update(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                       @PathParam("id") String id,
                                       @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                       @RequestBody(required = true, content = @Content(
                                               mediaType = MediaType.APPLICATION_JSON,
                                               schema = @Schema(implementation = ConnectionSettingsRequest.class)))
                                       String text) {
        connection(principal, id);
        requireJson(contentType);
        RequestBodies.Body<ConnectionSettingsRequest> body = RequestBodies.read(text, ConnectionSettingsRequest.class,
                ConnectionSettingsRequest.SHAPES, ConnectionsResource::invalid);
        List<Problem.FieldError> errors = new ArrayList<>();
        ChangeConnectionSettingsCommand command = ConnectionSettingsRequest.toCommand(body, principal.tenant(), id,
                errors);
        if (command == null) {
            throw invalid(errors);
        }
        try {
            return StripeConnectionJson.of(settings.changeSettings(command).orElseThrow(() -> notFound(id)));
        } catch (InvalidDatasetException e) {
            throw invalid(e.problems().stream().map(p -> Problem.FieldError.parameter("body", p)).toList());
        }
    }

    @GET
    @Path("/{id}/syncs")
    @Operation(summary = "The connection's sync runs, newest first: state, progress, counts, errors")
    public Map<String, Object> syncs(@Parameter(hidden = true) @Auth TenantPrincipal principal,
                                     @PathParam("id") String id,
                                     @Parameter(schema = @Schema(type = "integer", format = "int32", defaultValue = "20",
                                             minimum = "1", maximum = "200"))
                                     @QueryParam("limit") String limit) {
        connection(principal, id);
        int max = QueryParams.integer("limit", limit, 20, 1, 200);
        List<SyncRunJson> runs = connections.syncRuns(principal.tenant(), id, max).stream().map(SyncRunJson::of)
                .toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("connection_id", id);
        answer.put("syncs", runs);
        return answer;
    }

    @POST
    @Path("/{id}/syncs")
    @Operation(summary = "Sync the connection now rather than at its next scheduled time")
    public Response syncNow(@Parameter(hidden = true) @Auth TenantPrincipal principal, @PathParam("id") String id) {
        boolean scheduled = sync.syncNow(principal.tenant(), id).orElseThrow(() -> notFound(id));
        return Response.accepted(Map.of("connection_id", id, "scheduled", scheduled)).build();
    }

    private static void requireJson(String contentType) {
        if (!isJson(contentType)) {
            throw new ProblemException(Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "send the connection as Content-Type: application/json"));
        }
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ConnectionView connection(TenantPrincipal principal, String id) {
        return connections.connection(principal.tenant(), id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no connection with id '" + id + "'");
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, "Unprocessable Content", "invalid-connection",
                "the connection request is invalid", errors));
    }
}
