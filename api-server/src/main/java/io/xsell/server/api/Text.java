package io.xsell.server.api;

/** Text fields of requests: blank counts as absent, and values are trimmed. */
final class Text {
    private Text() {
    }

    static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
