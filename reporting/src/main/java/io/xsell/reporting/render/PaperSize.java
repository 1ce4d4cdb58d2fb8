package io.xsell.reporting.render;

import java.util.Locale;

/** The sheet a summary is laid out for; the CSS {@code @page} size keyword. */
public enum PaperSize {
    A4("A4"), LETTER("letter");

    private final String css;

    PaperSize(String css) {
        this.css = css;
    }

    public String css() {
        return css;
    }

    public static PaperSize parse(String text) {
        for (PaperSize size : values()) {
            if (size.name().equalsIgnoreCase(text)) {
                return size;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a paper size (" + String.join(", ",
                java.util.Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()) + ")");
    }
}
