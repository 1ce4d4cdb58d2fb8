package io.xsell.core.engagement;

import java.util.Locale;

/** What a batch of engagement rows holds; the wire code names its endpoint and its JSON array. */
public enum BatchKind {
    CAMPAIGNS,
    TOUCHPOINTS,
    USAGE_EVENTS;

    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }

    public static BatchKind ofCode(String code) {
        for (BatchKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown batch kind '" + code + "'");
    }
}
