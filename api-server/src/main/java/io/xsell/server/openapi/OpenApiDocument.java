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
            OpenAPI document = new JaxrsOpenApiContextBuilder<>().openApiConfiguration(configuration).buildContext(true)
                    .read();
            signatureAuthenticatedNeedNoKey(document);
        } catch (OpenApiConfigurationException e) {
            throw new IllegalStateException("the OpenAPI document cannot be built", e);
        }
        return (OpenApiResource) new OpenApiResource().openApiConfiguration(configuration);
    }

    /** Extension marking an operation that Stripe (or another outside party) calls with a signature, not a key. */
    public static final String SIGNATURE_AUTHENTICATED = "x-signature-authenticated";

    /**
     * Operations marked {@value #SIGNATURE_AUTHENTICATED} get an empty security requirement, which
     * lifts the document-wide bearer requirement for them. The context caches this document, so
     * the served one carries the change.
     */
    private static void signatureAuthenticatedNeedNoKey(OpenAPI document) {
        if (document.getPaths() == null) {
            return;
        }
        document.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getExtensions() != null && operation.getExtensions().containsKey(SIGNATURE_AUTHENTICATED)) {
                operation.setSecurity(new java.util.ArrayList<>());
            }
        }));
    }
}
