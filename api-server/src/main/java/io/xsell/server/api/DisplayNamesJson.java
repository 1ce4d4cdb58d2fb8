package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.model.DisplayNames;
import io.xsell.server.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code GET} and {@code PUT /v1/display-names}: product line id to name, and per
 * customer attribute, value to name. A PUT replaces the whole mapping; a field left out is empty.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DisplayNamesJson(Map<String, String> productLines, Map<String, Map<String, String>> segments) {
    /** Messages for fields of the wrong JSON type (see {@link RequestBodies#read}). */
    public static final Map<String, String> SHAPES = Map.of(
            "body", "must be an object with product_lines and segments",
            "product_lines", "must be an object of product line id to name",
            "segments", "must be an object of attribute to an object of value to name");

    public static DisplayNamesJson of(DisplayNames names) {
        Map<String, Map<String, String>> segments = new TreeMap<>();
        names.segments().forEach((attribute, values) -> segments.put(attribute, new TreeMap<>(values)));
        return new DisplayNamesJson(new TreeMap<>(names.productLines()), segments);
    }

    /** The names, or null with every problem of the request in {@code errors}. */
    public DisplayNames toNames(List<Problem.FieldError> errors) {
        int before = errors.size();
        DisplayNames.problems(productLines, segments)
                .forEach(p -> errors.add(Problem.FieldError.parameter(p.field(), p.message())));
        return errors.size() > before ? null
                : new DisplayNames(productLines == null ? Map.of() : productLines, segments == null ? Map.of() : segments);
    }
}
