package io.xsell.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Names for people beside the ids the data uses: product line id to name, and per customer
 * attribute, attribute value to name. Reports show {@link #line} and {@link #segment}, which fall
 * back to the id when no name is known. Bounded: names and ids at most {@value #MAX_NAME_LENGTH}
 * characters, at most {@value #MAX_ENTRIES} names in all.
 *
 * @param productLines product line id to display name
 * @param segments     attribute name to (attribute value to display name)
 */
public record DisplayNames(Map<String, String> productLines, Map<String, Map<String, String>> segments) {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ENTRIES = 5000;
    private static final DisplayNames EMPTY = new DisplayNames(Map.of(), Map.of());

    /** A rule a name broke, with the JSON path of the entry ({@code segments.segment.mid_market}). */
    public record Problem(String field, String message) {
    }

    public DisplayNames {
        productLines = Map.copyOf(productLines);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        segments.forEach((attribute, names) -> copy.put(attribute, Map.copyOf(names)));
        segments = Map.copyOf(copy);
    }

    public static DisplayNames empty() {
        return EMPTY;
    }

    /** The names products.csv gave the lines ({@link Product#lineName}). */
    public static DisplayNames ofProducts(List<Product> products) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (Product p : products) {
            if (p.lineName() != null) {
                lines.putIfAbsent(p.productLine(), p.lineName());
            }
        }
        return lines.isEmpty() ? EMPTY : new DisplayNames(lines, Map.of());
    }

    /**
     * Every broken rule of a mapping as sent (null maps, keys and names are reported, not thrown).
     */
    public static List<Problem> problems(Map<String, String> productLines, Map<String, Map<String, String>> segments) {
        List<Problem> problems = new ArrayList<>();
        int entries = 0;
        if (productLines != null) {
            for (Map.Entry<String, String> e : productLines.entrySet()) {
                check(problems, "product_lines", e.getKey(), e.getValue());
                entries++;
            }
        }
        if (segments != null) {
            for (Map.Entry<String, Map<String, String>> attribute : segments.entrySet()) {
                String path = "segments." + attribute.getKey();
                if (!validId(attribute.getKey())) {
                    problems.add(new Problem(path, "an attribute name must be 1 to " + MAX_NAME_LENGTH
                            + " characters and not blank"));
                }
                if (attribute.getValue() == null) {
                    problems.add(new Problem(path, "must be an object of attribute value to name"));
                    continue;
                }
                for (Map.Entry<String, String> e : attribute.getValue().entrySet()) {
                    check(problems, path, e.getKey(), e.getValue());
                    entries++;
                }
            }
        }
        if (entries > MAX_ENTRIES) {
            problems.add(new Problem("body", "at most " + MAX_ENTRIES + " names in all, were " + entries));
        }
        return problems;
    }

    private static void check(List<Problem> problems, String path, String id, String name) {
        String field = path + "." + id;
        if (!validId(id)) {
            problems.add(new Problem(field, "an id must be 1 to " + MAX_NAME_LENGTH + " characters and not blank"));
        }
        if (name == null || name.isBlank()) {
            problems.add(new Problem(field, "the name must not be empty"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add(new Problem(field, "the name must be at most " + MAX_NAME_LENGTH + " characters, was "
                    + name.length()));
        }
    }

    private static boolean validId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_NAME_LENGTH;
    }

    /** The line's display name, or its id when it has none. */
    public String line(String productLine) {
        return productLines.getOrDefault(productLine, productLine);
    }

    /** The display name of a value of an attribute, or the value when it has none. */
    public String segment(String attribute, String value) {
        if (value == null) {
            return null;
        }
        Map<String, String> names = segments.get(attribute);
        return names == null ? value : names.getOrDefault(value, value);
    }

    /** These names, and those of {@code fallback} for the ids these do not name. */
    public DisplayNames over(DisplayNames fallback) {
        Objects.requireNonNull(fallback, "fallback");
        if (fallback.isEmpty()) {
            return this;
        }
        Map<String, String> lines = new LinkedHashMap<>(fallback.productLines);
        lines.putAll(productLines);
        Map<String, Map<String, String>> merged = new LinkedHashMap<>();
        fallback.segments.forEach((attribute, names) -> merged.put(attribute, new LinkedHashMap<>(names)));
        segments.forEach((attribute, names) -> merged.computeIfAbsent(attribute, a -> new LinkedHashMap<>())
                .putAll(names));
        return new DisplayNames(lines, merged);
    }

    public boolean isEmpty() {
        return productLines.isEmpty() && segments.values().stream().allMatch(Map::isEmpty);
    }
}
