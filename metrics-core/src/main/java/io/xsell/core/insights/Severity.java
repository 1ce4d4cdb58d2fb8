package io.xsell.core.insights;

import java.util.Locale;

/**
 * How urgently an insight asks for action. Declared from most to least urgent, so that the
 * natural enum order is the order insights are listed in.
 */
public enum Severity {
    /** Cross-selling is hurting the business (for instance, cross-sold customers churn more). */
    CRITICAL,
    /** The cross-sell motion is under-performing or fragile; plan a correction. */
    WARNING,
    /** A pattern worth knowing and acting on opportunistically. */
    INFO;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
