package io.xsell.core.insights;

/**
 * A comparison an insight rule looked at and did not show, with the reason: a group below the
 * minimum size, not significant after the false discovery rate correction, or an interval that
 * does not support the rule's direction. Its comparison is null when it was never tested.
 */
public record SuppressedInsight(String rule, String subject, String reason, Comparison comparison) {
    public static final String GROUP_TOO_SMALL = "group_too_small";
    public static final String NOT_SIGNIFICANT = "not_significant_after_fdr";
    public static final String DIRECTION_NOT_SUPPORTED = "direction_not_supported";
}
