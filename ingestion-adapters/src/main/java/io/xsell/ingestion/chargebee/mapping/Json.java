package io.xsell.ingestion.chargebee.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field reads that name the object and field when a field is missing or of the wrong kind. */
final class Json {
    private Json() {
    }

    static String str(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    static String requiredStr(JsonObject object, String field) {
        String value = str(object, field);
        if (value == null) {
            throw new MappingProblem(field, "is missing");
        }
        return value;
    }

    static Long lng(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        try {
            return value.getAsLong();
        } catch (NumberFormatException | UnsupportedOperationException e) {
            throw new MappingProblem(field, "is not a whole number: " + value);
        }
    }

    static long requiredLong(JsonObject object, String field) {
        Long value = lng(object, field);
        if (value == null) {
            throw new MappingProblem(field, "is missing");
        }
        return value;
    }

    static BigDecimal decimal(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        try {
            return value.getAsBigDecimal();
        } catch (NumberFormatException | UnsupportedOperationException e) {
            throw new MappingProblem(field, "is not a number: " + value);
        }
    }

    static boolean bool(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value != null && !value.isJsonNull() && value.getAsBoolean();
    }

    static JsonObject object(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            throw new MappingProblem(field, "is missing");
        }
        if (!value.isJsonObject()) {
            throw new MappingProblem(field, "is not an object");
        }
        return value.getAsJsonObject();
    }

    static List<JsonObject> array(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return List.of();
        }
        if (!value.isJsonArray()) {
            throw new MappingProblem(field, "is not an array");
        }
        return ((JsonArray) value).asList().stream().map(JsonElement::getAsJsonObject).toList();
    }

    /** A flat object of strings ({@code metadata}, {@code meta_data}); nested values are kept as JSON text. */
    static Map<String, String> strings(JsonObject object, String field) {
        JsonElement value = object.get(field);
        Map<String, String> result = new LinkedHashMap<>();
        if (value != null && value.isJsonObject()) {
            value.getAsJsonObject().entrySet().forEach(e -> result.put(e.getKey(),
                    e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
        }
        return result;
    }

    /** A field that cannot be mapped; the mapper adds which object it belongs to. */
    static final class MappingProblem extends RuntimeException {
        final String field;

        MappingProblem(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
