package io.xsell.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON configuration of the API and the CLI, so both print the same document: compact
 * on the wire, indented by the CLI for people ({@link #forPeople}).
 */
public final class JsonMapper {
    private JsonMapper() {
    }

    /**
     * Bounds of every JSON document the server reads. No valid request comes near them (values are
     * bounded far lower by {@link io.xsell.core.model.Bounds}); they keep a hostile document from costing
     * more than a glance: a number's digits (exponents are bounded by the model's checks, which never
     * expand a value), a string's length, nesting, and the whole document.
     */
    public static final StreamReadConstraints READ_CONSTRAINTS = StreamReadConstraints.builder()
            .maxNumberLength(100)
            .maxStringLength(100_000)
            .maxNestingDepth(64)
            .maxDocumentLength(16L << 20)
            .build();

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(READ_CONSTRAINTS);
        return mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    public static ObjectMapper forPeople(ObjectMapper mapper) {
        return configure(mapper).enable(SerializationFeature.INDENT_OUTPUT);
    }


}
