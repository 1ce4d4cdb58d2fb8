package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A cross-sell motion that costs money: an email series, an in-app prompt, CSM time, a webinar.
 * Touchpoints tie customers to it; its cost is what its attributed cross-sell is weighed against.
 *
 * @param name              optional display name
 * @param channel           lower-case token: {@code email}, {@code in_app}, {@code csm}, {@code webinar},
 *                          {@code sales} or any other the tenant uses
 * @param cost              total cost in {@code currency}, &gt;= 0
 * @param endDate           optional (an open campaign); never before {@code startDate}
 * @param targetProductLine the line it promotes; null when it promotes any line
 */
public record Campaign(String id, String name, String channel, BigDecimal cost, String currency, LocalDate startDate,
                       LocalDate endDate, String targetProductLine) {
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public Campaign {
        InvalidFieldException.requireId(id, "campaign_id");
        InvalidFieldException.requireValue(channel, "channel");
        if (!CHANNEL.matcher(channel).matches()) {
            throw new InvalidFieldException("channel", "channel must be a lower-case word of letters, digits and _ "
                    + "(email, in_app, csm, webinar, sales, ...), was " + Bounds.quote(channel));
        }
        InvalidFieldException.requireValue(cost, "cost");
        Bounds.magnitude(cost, "cost");
        Bounds.length(name, "name", Bounds.NAME_MAX);
        Bounds.optionalId(targetProductLine, "target_product_line");
        if (cost.signum() < 0) {
            throw new InvalidFieldException("cost", "cost must be >= 0, was " + Bounds.describe(cost));
        }
        try {
            currency = CurrencyCode.require(currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("currency", e.getMessage());
        }
        InvalidFieldException.requireValue(startDate, "start_date");
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new InvalidFieldException("end_date", "end_date (" + endDate + ") must not be before start_date ("
                    + startDate + ")");
        }
        if (targetProductLine != null && targetProductLine.isBlank()) {
            targetProductLine = null;
        }
        if (name != null && name.isBlank()) {
            name = null;
        }
    }

    /** Whether a cross-sell of {@code line} can be credited to this campaign. */
    public boolean targets(String line) {
        return targetProductLine == null || targetProductLine.equals(line);
    }
}
