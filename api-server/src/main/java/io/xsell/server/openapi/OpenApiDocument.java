package io.xsell.server.openapi;

import io.swagger.v3.jaxrs2.integration.JaxrsOpenApiContextBuilder;
import io.swagger.v3.jaxrs2.integration.resources.OpenApiResource;
import io.swagger.v3.oas.integration.OpenApiConfigurationException;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Set;

/** {@code GET /openapi.json} (and {@code .yaml}): generated from the resources' JAX-RS annotations. */
public final class OpenApiDocument {
    private static final String RESOURCES = "io.xsell.server.resources";

    private OpenApiDocument() {
    }

    public static OpenApiResource resource() {
        OpenAPI api = new OpenAPI()
                .info(new Info().title("xsell API").version("1")
                        .description("Cross-sell analytics: separates cross-sell from upsell per product line, "
                                + "segment and cohort. Every /v1 call needs Authorization: Bearer <api key>; "
                                + "errors are application/problem+json (RFC 9457)."))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
        SwaggerConfiguration configuration = new SwaggerConfiguration().openAPI(api).prettyPrint(true)
                .resourcePackages(Set.of(RESOURCES));
        try {
            // Built eagerly so a broken annotation fails start-up rather than the first request.
            new JaxrsOpenApiContextBuilder<>().openApiConfiguration(configuration).buildContext(true);
        } catch (OpenApiConfigurationException e) {
            throw new IllegalStateException("the OpenAPI document cannot be built", e);
        }
        return (OpenApiResource) new OpenApiResource().openApiConfiguration(configuration);
    }
}
