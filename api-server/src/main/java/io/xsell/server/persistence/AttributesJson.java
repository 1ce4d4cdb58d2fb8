package io.xsell.server.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/** Customer attributes as a JSON object of strings, the text of {@code customers.attributes}. */
final class AttributesJson {
    // sorted keys: equal attribute maps always give equal text, which the loader's cache relies on
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {
    };

    private AttributesJson() {
    }

    static String write(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return "{}";
        }
        try {
            return MAPPER.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write customer attributes as JSON", e);
        }
    }

    static Map<String, String> read(String json) {
        try {
            return MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored customer attributes are not a JSON object of strings: " + json, e);
        }
    }
}
