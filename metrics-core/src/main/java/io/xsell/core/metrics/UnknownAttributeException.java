package io.xsell.core.metrics;

import java.util.Set;

/** Segmentation was asked on an attribute that no customer carries. */
public class UnknownAttributeException extends IllegalArgumentException {
    private final String attribute;

    public UnknownAttributeException(String attribute, Set<String> known) {
        super("no customer has the attribute '" + attribute + "'" + (known.isEmpty() ? ""
                : "; known attributes: " + String.join(", ", known)));
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
