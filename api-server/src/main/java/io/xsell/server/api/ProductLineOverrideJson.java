package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.model.LineKind;
import io.xsell.server.port.in.ProductLineOverride;
import io.xsell.server.problem.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A connection's mapping of one billing-system product, as a request gives it: {@code {"product_line", "kind"}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductLineOverrideJson(String productLine, String kind) {

    /** The overrides of {@code product_lines}, each bad one named in {@code errors}; empty when absent. */
    static Map<String, ProductLineOverride> overrides(Map<String, ProductLineOverrideJson> lines,
                                                      List<Problem.FieldError> errors) {
        Map<String, ProductLineOverride> overrides = new LinkedHashMap<>();
        if (lines == null) {
            return overrides;
        }
        lines.forEach((product, json) -> {
            String field = "product_lines." + product;
            String line = json == null ? null : Text.orNull(json.productLine());
            if (line == null) {
                errors.add(Problem.FieldError.parameter(field + ".product_line", "is required"));
                return;
            }
            String kind = Text.orNull(json.kind());
            try {
                overrides.put(product, new ProductLineOverride(line, kind == null ? null : LineKind.parse(kind)));
            } catch (IllegalArgumentException e) {
                errors.add(Problem.FieldError.parameter(field + ".kind", e.getMessage()));
            }
        });
        return overrides;
    }
}
