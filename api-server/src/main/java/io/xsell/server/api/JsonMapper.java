package io.xsell.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON configuration of the API and the CLI, so both print the same document: compact
 * on the wire, indented by the CLI for people ({@link #forPeople}).
 */
public final class JsonMapper {
    private JsonMapper() {
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    public static ObjectMapper forPeople(ObjectMapper mapper) {
        return configure(mapper).enable(SerializationFeature.INDENT_OUTPUT);
    }


}
