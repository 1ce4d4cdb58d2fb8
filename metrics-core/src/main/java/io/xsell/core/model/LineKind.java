package io.xsell.core.model;

import java.util.Locale;

/** What role a product line plays in the catalogue. */
public enum LineKind {
    CORE, MODULE, ADD_ON;

    /** The wire name: {@code core}, {@code module} or {@code add_on}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; throws with the accepted values when the text is not one of them. */
    public static LineKind parse(String text) {
        for (LineKind kind : values()) {
            if (kind.code().equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(Bounds.quote(text) + " is not a line kind (core, module, add_on)");
    }
}
