package io.xsell.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;

/** The one JSON configuration of the API and the CLI, so both print the same bytes. */
public final class JsonMapper {
    private JsonMapper() {
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public static ObjectMapper create() {
        return configure(Jackson.newObjectMapper());
    }
}
