package io.xsell.core.model;

/**
 * A value broke a rule of its field. Carries the field's wire name, so an adapter can point at the
 * exact cell or JSON member without parsing the message.
 */
public class InvalidFieldException extends IllegalArgumentException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    static String requireId(String value, String field) {
        return Bounds.id(value, field);
    }

    static <T> T requireValue(T value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, field + " is required");
        }
        return value;
    }
}
