package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One HTTP exchange with the server, with assertions for the API's conventions. */
public record ApiResponse(String request, int status, HttpHeaders headers, byte[] body) {
    /** Reads numbers exactly as sent, so "21000.00" stays "21000.00" and compares unequal to "21000". */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(request + " answered " + status + " with a body that is not JSON: " + text(), e);
        }
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** The data version the server answered a metric request for. */
    public long dataVersion() {
        return Long.parseLong(header("X-Data-Version").orElseThrow(() -> new AssertionError(request + ": no X-Data-Version")));
    }

    /** Asserts the status and a JSON body; returns the body. */
    public JsonNode expectJson(int expectedStatus) {
        assertThat(status).as("%s answered %s", request, text()).isEqualTo(expectedStatus);
        assertThat(contentType()).as(request).startsWith("application/json");
        return json();
    }

    /**
     * Asserts an RFC 9457 problem with this status: the media type, and {@code type}, {@code title},
     * {@code status}, {@code detail} all present and consistent. Returns the problem.
     */
    public JsonNode expectProblem(int expectedStatus) {
        assertThat(status).as("%s answered %s", request, text()).isEqualTo(expectedStatus);
        assertThat(contentType()).as(request).startsWith("application/problem+json");
        JsonNode problem = json();
        assertThat(problem.path("type").asText()).as(request + " type").startsWith("https://");
        assertThat(problem.path("title").asText()).as(request + " title").isNotBlank();
        assertThat(problem.path("status").isInt()).as(request + " status is a number").isTrue();
        assertThat(problem.path("status").asInt()).as(request + " status").isEqualTo(expectedStatus);
        assertThat(problem.path("detail").asText()).as(request + " detail").isNotBlank();
        return problem;
    }

    /** A 400 problem whose only error names {@code parameter}; returns the problem. */
    public JsonNode expectBadParameter(String parameter) {
        JsonNode problem = expectProblem(400);
        assertThat(problem.path("errors")).as(request + " errors").hasSize(1);
        assertThat(problem.path("errors").get(0).path("field").asText()).as(request + " errors[0].field")
                .isEqualTo(parameter);
        assertThat(problem.path("errors").get(0).path("message").asText()).as(request + " errors[0].message")
                .isNotBlank();
        assertThat(problem.path("detail").asText()).as(request + " detail").contains(parameter);
        return problem;
    }

    public static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
