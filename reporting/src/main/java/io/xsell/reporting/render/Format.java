package io.xsell.reporting.render;

import io.xsell.reporting.summary.Headline;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Figures as the summary prints them: the API's rounded value with thousands separators and
 * always two decimals ({@code 880,000.00}, {@code 10.11 %}), "n/a" for an undefined ratio. Only the
 * grouping is added, so a figure read back from the PDF is the API's figure.
 */
public final class Format {
    private static final String NOT_AVAILABLE = "n/a";

    private Format() {
    }

    private static DecimalFormat pattern() {
        // DecimalFormat is not thread-safe: one per call is cheap next to rendering.
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        format.setParseBigDecimal(true);
        return format;
    }

    public static String number(BigDecimal value) {
        return value == null ? NOT_AVAILABLE : pattern().format(value);
    }

    public static String money(BigDecimal value) {
        return number(value);
    }

    public static String percent(BigDecimal value) {
        return value == null ? NOT_AVAILABLE : number(value) + " %";
    }

    public static String count(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    public static String value(Headline headline) {
        return of(headline.unit(), headline.current());
    }

    public static String previous(Headline headline) {
        return of(headline.unit(), headline.previous());
    }

    /** The change with its sign; percentages change by percentage points. */
    public static String change(Headline headline) {
        BigDecimal change = headline.change();
        if (change == null) {
            return NOT_AVAILABLE;
        }
        String sign = change.signum() > 0 ? "+" : change.signum() < 0 ? "-" : "";
        String magnitude = number(change.abs());
        return sign + magnitude + (headline.unit() == Headline.Unit.PERCENT ? " pp" : "");
    }

    /** {@code up}, {@code down} or {@code flat}, for styling a change. */
    public static String direction(Headline headline) {
        BigDecimal change = headline.change();
        return change == null || change.signum() == 0 ? "flat" : change.signum() > 0 ? "up" : "down";
    }

    public static String of(Headline.Unit unit, BigDecimal value) {
        return unit == Headline.Unit.PERCENT ? percent(value) : number(value);
    }

    /** A code such as {@code below_healthy} as words. */
    public static String words(String code) {
        return code == null ? NOT_AVAILABLE : code.replace('_', ' ');
    }

    /** An evidence value: decimals grouped like every other figure, text as it is. */
    public static String evidence(Object value) {
        return value instanceof BigDecimal d ? (d.scale() == 0 ? count(d.longValueExact()) : number(d))
                : String.valueOf(value);
    }
}
