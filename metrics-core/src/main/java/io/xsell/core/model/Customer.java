package io.xsell.core.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * An account of the tenant. Attributes ({@code segment}, {@code industry}, {@code country}, ...)
 * are free-form and drive segmentation; they are a snapshot, not a history.
 *
 * @param name      optional display name
 * @param createdAt optional; informational only, MRR history decides activity
 */
public record Customer(String id, String name, LocalDate createdAt, Map<String, String> attributes) {
    public Customer {
        Ids.require(id, "customer_id");
        Bounds.length(name, "name", Bounds.NAME_MAX);
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
        if (attributes.size() > Bounds.ATTRIBUTES_MAX) {
            throw new InvalidFieldException("attributes", "a customer carries at most " + Bounds.ATTRIBUTES_MAX
                    + " attributes, this one " + attributes.size());
        }
        attributes.forEach((key, value) -> {
            Bounds.length(key, "attribute name", Bounds.ATTRIBUTE_NAME_MAX);
            Bounds.length(value, key.length() <= Bounds.ATTRIBUTE_NAME_MAX ? key : "attribute",
                    Bounds.ATTRIBUTE_VALUE_MAX);
        });
    }

    public static Customer of(String id, Map<String, String> attributes) {
        return new Customer(id, null, null, attributes);
    }

    /** The attribute's value, or null when the customer does not carry it. */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
