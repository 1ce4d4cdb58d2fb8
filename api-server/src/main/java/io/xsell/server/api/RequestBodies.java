package io.xsell.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dropwizard.jackson.Jackson;
import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * JSON request bodies bound to records. Malformed JSON is a 400 ({@code malformed-json}); a value
 * of the wrong shape (a list where an object belongs, a number where text does, a fraction where a
 * whole number does) is refused through the resource's own 422 naming the field
 * ({@code fx_rates[0].rate}); the body's top-level fields the record does not know are handed back
 * so that a strict resource can name them too.
 */
public final class RequestBodies {
    private static final ObjectMapper MAPPER = strict(JsonMapper.configure(Jackson.newObjectMapper()));

    private RequestBodies() {
    }

    /**
     * A body as read.
     *
     * @param value         null when the body was empty or JSON {@code null}
     * @param fields        the body's top-level fields, also those given as {@code null}, in its order
     * @param unknownFields those of them the record has no component for
     */
    public record Body<T>(T value, List<String> fields, List<String> unknownFields) {
    }

    /**
     * @param shapes  the message for a mistyped field, by its path with indices left out
     *                ({@code fx_rates[].rate}; {@code body} for the whole body); other fields get
     *                one from the type expected ("must be a string")
     * @param invalid the resource's 422 for a list of field errors
     */
    public static <T> Body<T> read(String text, Class<T> type, Map<String, String> shapes,
                                   Function<List<Problem.FieldError>, ProblemException> invalid) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text == null || text.isBlank() ? "null" : text);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "malformed-json",
                    "the request body is not valid JSON: " + e.getOriginalMessage()));
        }
        if (tree == null || tree.isNull()) {
            return new Body<>(null, List.of(), List.of());
        }
        try {
            List<String> fields = new ArrayList<>();
            tree.fieldNames().forEachRemaining(fields::add);
            return new Body<>(MAPPER.treeToValue(tree, type), fields, unknown(fields, type));
        } catch (MismatchedInputException e) {
            String field = field(e.getPath());
            String message = shapes.get(field.replaceAll("\\[\\d+]", "[]"));
            throw invalid.apply(List.of(Problem.FieldError.parameter(field,
                    message != null ? message : expected(e.getTargetType()))));
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException mapping ? field(mapping.getPath()) : "body";
            throw invalid.apply(List.of(Problem.FieldError.parameter(field, e.getOriginalMessage())));
        }
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    private static List<String> unknown(List<String> fields, Class<?> type) {
        Set<String> known = MAPPER.getDeserializationConfig().introspect(MAPPER.constructType(type))
                .findProperties().stream().map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
        return fields.stream().filter(name -> !known.contains(name)).toList();
    }

    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type == double.class) {
            return "must be a decimal number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }
}
