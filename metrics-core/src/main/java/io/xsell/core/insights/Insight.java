package io.xsell.core.insights;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One next best action: which rule fired, how urgent it is, the figures that made it fire and
 * what to do about it.
 *
 * @param rule           stable rule code, for example {@code line_concentration}
 * @param subject        what the insight is about: a product line, {@code line/segment}, or null for
 *                       window-wide rules; it orders insights of the same rule and severity
 * @param evidence       the triggering figures in a fixed order, named in snake_case like the API;
 *                       each value is a {@link BigDecimal} (amounts and percentages rounded to 2
 *                       decimals, counts unscaled) or a {@link String} (names, codes, months)
 * @param recommendation one or two sentences naming the line or segment concerned
 * @param comparison     the test behind an insight that compares two groups; null for the rules
 *                       that describe the whole account (shares, growth, benchmark)
 */
public record Insight(String rule, Severity severity, String subject, String title, Map<String, Object> evidence,
                      String recommendation, Comparison comparison) {

    /** A descriptive insight: a fact of the whole account, no sample and no test. */
    public Insight(String rule, Severity severity, String subject, String title, Map<String, Object> evidence,
                   String recommendation) {
        this(rule, severity, subject, title, evidence, recommendation, null);
    }

    public Insight {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(recommendation, "recommendation");
        // Copied into a LinkedHashMap because Map.copyOf would lose the order the evidence reads in.
        Map<String, Object> copy = new LinkedHashMap<>();
        evidence.forEach((name, value) -> {
            if (!(value instanceof BigDecimal) && !(value instanceof String)) {
                throw new IllegalArgumentException("evidence " + name + " must be a BigDecimal or a String, was "
                        + (value == null ? "null" : value.getClass().getName()));
            }
            copy.put(name, value);
        });
        evidence = Collections.unmodifiableMap(copy);
    }
}
