package io.xsell.server.rest;

import io.xsell.server.fixture.WorkedExample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.server.auth.ApiKeys;
import io.xsell.server.persistence.Databases;
import io.xsell.server.persistence.Dialect;
import io.xsell.server.tenant.TenantAdministration.IssuedKey;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Authentication of every {@code /v1} endpoint, the OpenAPI document, the admin health check and
 * the request log. The auth cache lives 1 ms here, so a revoked key fails on the next request.
 * Runs once per database (see the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuthAndOperationsApiTest {
    abstract XsellApp app();

    static XsellApp server(Dialect dialect) {
        return XsellApp.on(dialect).with("authCacheTtl", "1ms");
    }

    /**
     * Endpoints billing providers call: authenticated by the delivery itself (Stripe's signature,
     * Chargebee's basic-auth credentials of the connection), not by an API key (providers hold no
     * xsell key); see {@link #signatureAuthenticatedEndpointsRefuseUnsignedDeliveriesWhateverTheKey}.
     */
    static final Set<String> SIGNATURE_AUTHENTICATED = Set.of("/v1/webhooks/stripe/{connection_id}",
            "/v1/webhooks/chargebee/{connection_id}");

    /** One request per endpoint the resource classes declare, ready for a key. */
    private List<HttpRequest> everyV1Endpoint(String authorization) {
        List<HttpRequest> requests = new ArrayList<>();
        for (Map.Entry<String, Set<String>> endpoint : ResourcePaths.v1().entrySet()) {
            if (SIGNATURE_AUTHENTICATED.contains(endpoint.getKey())) {
                continue;
            }
            String path = endpoint.getKey().replaceAll("\\{[^}]+}", "some-id")
                    + "?from=2025-01-01&to=2026-01-01&date=2025-06-01";
            for (String method : endpoint.getValue()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(app().uri(path));
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                switch (method) {
                    case "get" -> request.GET();
                    case "post" -> {
                        // each POST gets the body it consumes: a type mismatch would be refused (415)
                        // before authentication could run, and test nothing
                        if (path.startsWith("/v1/imports")) {
                            request.header("Content-Type", "application/zip")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(WorkedExample.zip()));
                        } else {
                            request.header("Content-Type", "application/json").header("Idempotency-Key", "auth-test")
                                    .POST(HttpRequest.BodyPublishers.ofString(batchBody(endpoint.getKey())));
                        }
                    }
                    case "delete" -> request.DELETE();
                    case "put" -> request.header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{}"));
                    case "patch" -> request.header("Content-Type", "application/json")
                            .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"));
                    default -> throw new AssertionError("no request for " + method + " " + path + " in this test yet");
                }
                requests.add(request.build());
            }
        }
        return requests;
    }

    /** A body each JSON endpoint accepts: a one-row batch for the engagement ones (its campaign reference aside). */
    private static String batchBody(String path) {
        return switch (path) {
            case "/v1/campaigns" -> "{\"campaigns\": [{\"campaign_id\": \"k\", \"channel\": \"email\", \"cost\": 1, "
                    + "\"currency\": \"USD\", \"start_date\": \"2025-01-01\"}]}";
            case "/v1/touchpoints" -> "{\"touchpoints\": [{\"customer_id\": \"c0\", \"campaign_id\": \"k\", "
                    + "\"date\": \"2025-01-01\"}]}";
            case "/v1/usage-events" -> "{\"usage_events\": [{\"customer_id\": \"c0\", \"feature\": \"f\", "
                    + "\"date\": \"2025-01-01\"}]}";
            case "/v1/report-schedules", "/v1/report-schedules/{id}/send", "/v1/reports/{id}/resend", "/v1/connections/stripe", "/v1/connections/chargebee", "/v1/connections/{id}/syncs" -> "{}";
            default -> throw new AssertionError("no body for POST " + path + " in this test yet");
        };
    }

    private static void assertUnauthorized(ApiResponse response) {
        JsonNode problem = response.expectProblem(401);
        assertThat(problem.path("type").asText()).endsWith("/unauthorized");
        assertThat(problem.path("title").asText()).isEqualTo("Unauthorized");
        assertThat(problem.path("detail").asText()).contains("Bearer");
        assertThat(response.header("WWW-Authenticate")).as(response.request())
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer realm="));
    }

    @Test
    void everyV1EndpointAnswers401WithAChallengeWithoutAValidKey() {
        IssuedKey tenant = app().createTenant("auth");
        List<String> refused = new ArrayList<>();
        refused.add(null);
        refused.add("Bearer xsk_" + "A".repeat(43));
        refused.add("Bearer " + tenant.apiKey() + "x");
        refused.add("Bearer " + tenant.apiKey().substring(0, tenant.apiKey().length() - 1));
        refused.add("Bearer ");
        refused.add("Basic " + Base64.getEncoder().encodeToString(("x:" + tenant.apiKey()).getBytes(StandardCharsets.UTF_8)));
        refused.add("Token " + tenant.apiKey());
        refused.add(tenant.apiKey());
        for (String authorization : refused) {
            for (HttpRequest request : everyV1Endpoint(authorization)) {
                assertUnauthorized(app().send(request));
            }
        }
        assertThat(app().get("/v1/imports", tenant.apiKey()).expectJson(200)).isEmpty();
    }

    @Test
    void aValidKeyIsAcceptedOnEveryV1Endpoint() {
        IssuedKey tenant = app().createTenant("valid");
        for (HttpRequest request : everyV1Endpoint("Bearer " + tenant.apiKey())) {
            ApiResponse response = app().send(request);
            assertThat(response.status()).as("%s answered %s", response.request(), response.text()).isNotEqualTo(401);
            assertThat(response.status()).as(response.request()).isLessThan(500);
        }
        assertThat(app().get("/v1/metrics/penetration?date=2025-06-01", tenant.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void signatureAuthenticatedEndpointsRefuseUnsignedDeliveriesWhateverTheKey() {
        IssuedKey tenant = app().createTenant("webhook");
        for (String endpoint : SIGNATURE_AUTHENTICATED) {
            assertThat(ResourcePaths.v1()).containsKey(endpoint);
            String path = endpoint.replaceAll("\\{[^}]+}", "conn_unknown");
            for (String authorization : java.util.Arrays.asList(null, "Bearer " + tenant.apiKey(), "Bearer wrong")) {
                HttpRequest.Builder request = HttpRequest.newBuilder(app().uri(path)).header("Content-Type", "application/json")
                        .header("Stripe-Signature", "t=1,v1=00").POST(HttpRequest.BodyPublishers.ofString("{}"));
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                ApiResponse response = app().send(request.build());
                // an unknown connection: 404 whatever the key; a known one with a bad signature: 400
                // (StripeSyncApiTest); never accepted without a valid signature
                assertThat(response.status()).as(response.request()).isEqualTo(404);
            }
        }
    }

    @Test
    void aRevokedKeyIsRefusedAndARotatedOneTakesOver() throws InterruptedException {
        IssuedKey tenant = app().createTenant("revoked");
        String name = tenant.tenant().name();
        String key = tenant.apiKey();
        assertThat(app().get("/v1/imports", key).status()).isEqualTo(200);

        assertThat(app().administration().revokeKey(name, ApiKeys.shownPrefix(key))).isTrue();
        Thread.sleep(20);
        assertUnauthorized(app().get("/v1/imports", key));
        assertUnauthorized(app().get("/v1/metrics/penetration?date=2025-06-01", key));

        String rotated = app().administration().rotateKey(name).apiKey();
        assertThat(app().get("/v1/imports", rotated).status()).isEqualTo(200);
        String next = app().administration().rotateKey(name).apiKey();
        Thread.sleep(20);
        assertUnauthorized(app().get("/v1/imports", rotated));
        assertUnauthorized(app().get("/v1/imports", key));
        assertThat(app().get("/v1/imports", next).status()).isEqualTo(200);
    }

    @Test
    void errorsJettyAnswersItselfAreProblemDocumentsToo() {
        IssuedKey tenant = app().createTenant("jetty-errors");

        JsonNode ambiguous = app().get("/v1/imports/%2e%2e", tenant.apiKey()).expectProblem(400);

        assertThat(ambiguous.path("detail").asText()).contains("Ambiguous URI");
        assertThat(ambiguous.path("status").asInt()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentShowsTheRecordsJsonBodiesBindTo() {
        JsonNode document = app().send(app().request("/openapi.json", null).GET().build()).expectJson(200);
        Map<String, List<String>> bodies = Map.of(
                "/v1/connections/stripe post", List.of("api_key", "reporting_currency", "webhook_secret",
                        "product_lines", "fx_rates"),
                "/v1/connections/chargebee post", List.of("site", "api_key", "webhook_username",
                        "webhook_password", "reporting_currency", "product_lines", "fx_rates"),
                "/v1/connections/{id} patch", List.of("product_lines", "fx_rates"),
                "/v1/report-schedules post", List.of("cadence", "time_zone", "send_day", "send_time", "recipients",
                        "segment_by"),
                "/v1/report-schedules/{id} patch", List.of("cadence", "time_zone", "send_day", "send_time",
                        "recipients", "segment_by"),
                "/v1/report-schedules/{id}/send post", List.of("from", "to"));
        bodies.forEach((operation, fields) -> {
            String[] pathAndMethod = operation.split(" ");
            String ref = document.path("paths").path(pathAndMethod[0]).path(pathAndMethod[1]).path("requestBody")
                    .path("content").path("application/json").path("schema").path("$ref").asText();
            assertThat(ref).as(operation).startsWith("#/components/schemas/");
            JsonNode schema = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as(operation).containsExactlyInAnyOrderElementsOf(fields);
        });
    }

    @Test
    void theOpenApiDocumentDocumentsEveryV1EndpointAndTheBearerScheme() {
        ApiResponse response = app().send(app().request("/openapi.json", null).GET().build());
        JsonNode document = response.expectJson(200);

        Map<String, Set<String>> documented = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/v1/")) {
                Set<String> methods = new TreeSet<>();
                path.getValue().fieldNames().forEachRemaining(methods::add);
                methods.retainAll(Set.of("get", "put", "post", "delete", "patch", "head", "options"));
                documented.put(ResourcePaths.normalize(path.getKey()), methods);
            }
        }
        assertThat(documented).isEqualTo(ResourcePaths.v1());
        for (String batch : List.of("/v1/campaigns", "/v1/touchpoints", "/v1/usage-events")) {
            assertThat(ApiResponse.list(document.path("paths").path(batch).path("post").path("parameters")))
                    .as(batch + " documents its idempotency key")
                    .anySatisfy(p -> {
                        assertThat(p.path("name").asText()).isEqualTo("Idempotency-Key");
                        assertThat(p.path("in").asText()).isEqualTo("header");
                        assertThat(p.path("required").asBoolean()).isTrue();
                    });
            assertThat(document.path("paths").path(batch).path("post").path("requestBody").path("content")
                    .path("application/json").toString()).as(batch + " shows an example batch")
                    .contains(batch.substring(4).replace('-', '_'));
        }
        for (String endpoint : SIGNATURE_AUTHENTICATED) {
            JsonNode operation = document.path("paths").path(endpoint).path("post");
            assertThat(operation.path("security").isArray() && operation.path("security").isEmpty())
                    .as("%s is documented as needing no API key", endpoint).isTrue();
        }

        JsonNode schemes = document.path("components").path("securitySchemes");
        List<String> bearerSchemes = new ArrayList<>();
        schemes.fields().forEachRemaining(s -> {
            if (s.getValue().path("type").asText().equals("http") && s.getValue().path("scheme").asText().equalsIgnoreCase("bearer")) {
                bearerSchemes.add(s.getKey());
            }
        });
        assertThat(bearerSchemes).hasSize(1);
        assertThat(ApiResponse.list(document.path("security"))).as("the bearer scheme applies to every operation")
                .anySatisfy(requirement -> assertThat(requirement.has(bearerSchemes.get(0))).isTrue());

        // the statistical fields of insights and propensity are in the documented response schemas
        String schemas = document.path("components").path("schemas").toString();
        assertThat(schemas).contains("\"adjusted_p_value\"", "\"ci_low_pct_points\"", "\"suppressed\"",
                "\"tests_run\"", "\"beats_baseline\"", "\"auc_ci_low\"", "\"vs_baseline\"", "\"brier_score\"",
                "\"reliability\"", "\"status\"");
        for (String endpoint : List.of("/v1/analytics/time-to-adoption", "/v1/analytics/basket")) {
            assertThat(ApiResponse.list(document.path("paths").path(endpoint).path("get").path("parameters")))
                    .as(endpoint + " documents its scope").anySatisfy(p -> assertThat(p.path("name").asText())
                            .isEqualTo("scope"));
        }

        assertThat(app().send(app().request("/openapi.yaml", null).GET().build()).status()).isEqualTo(200);

        String crossSell = document.path("paths").path("/v1/metrics/cross-sell").path("get").path("responses")
                .path("200").path("content").path("application/json").path("schema").path("$ref").asText();
        JsonNode properties = document.path("components").path("schemas")
                .path(crossSell.substring(crossSell.lastIndexOf('/') + 1)).path("properties");
        assertThat(properties.has("by_product_line") && properties.has("cross_sell_rate_pct")).isTrue();
        for (String ratio : List.of("arr", "net_revenue_retention_pct", "gross_revenue_retention_pct", "quick_ratio")) {
            assertThat(properties.has(ratio)).as("the cross-sell schema documents %s", ratio).isTrue();
        }
    }

    @Test
    void theAdminHealthCheckIsHealthyAndCoversTheDatabasePool() {
        ApiResponse response = app().send(HttpRequest.newBuilder(app().adminUri("/healthcheck")).GET().build());
        JsonNode checks = response.expectJson(200);

        assertThat(checks.has(Databases.POOL_NAME)).as(checks.toString()).isTrue();
        assertThat(checks.path(Databases.POOL_NAME).path("healthy").asBoolean()).isTrue();
        checks.fields().forEachRemaining(check ->
                assertThat(check.getValue().path("healthy").asBoolean()).as(check.getKey()).isTrue());
    }

    @Test
    void theRequestLogRecordsRequestsButNeverTheApiKey() throws Exception {
        IssuedKey tenant = app().createTenant("logged");
        String key = tenant.apiKey();
        String marker = "limit=" + (100 + (int) (Math.random() * 800));
        assertThat(app().get("/v1/imports?" + marker, key).status()).isEqualTo(200);
        assertThat(app().postZip(key, WorkedExample.zip()).status()).isEqualTo(201);
        assertThat(app().get("/v1/metrics/cross-sell?from=2025-01-01&to=2026-01-01&logged=" + marker, key).status())
                .isEqualTo(200);
        assertThat(app().get("/v1/imports?refused=" + marker, key + "-wrong").status()).isEqualTo(401);

        // the request log is written asynchronously
        String log = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            log = Files.exists(app().requestLog()) ? Files.readString(app().requestLog()) : "";
            if (log.contains("/v1/imports?" + marker) && log.contains("logged=" + marker)
                    && log.contains("refused=" + marker) && log.contains("POST /v1/imports")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(log).contains("/v1/imports?" + marker, "logged=" + marker, "refused=" + marker, "POST /v1/imports");
        String secret = key.substring("xsk_".length());
        assertThat(log).doesNotContain(secret).doesNotContain(secret.substring(8, 30)).doesNotContain(ApiKeys.hash(key));
        assertThat(log).doesNotContainIgnoringCase("Bearer");
    }
}
