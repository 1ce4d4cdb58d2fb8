package io.xsell.reporting.render;

import io.xsell.reporting.summary.Headline;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figures as the summary prints them: the API's rounded value with thousands separators and
 * always two decimals ({@code 880,000.00}, {@code 10.11 %}, a ratio {@code 1.29x}), money with the
 * reporting currency's symbol ({@code $880,000.00}, {@code -€1,234.56}, or the code where the
 * currency has no symbol of its own: {@code CHF 95.00}), "n/a" for an undefined ratio. Only the
 * grouping, sign and currency are added, so a figure read back from the PDF is the API's figure.
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

    /** An amount in {@code currency} (ISO 4217 code): its symbol before the digits, the sign first. */
    public static String money(BigDecimal value, String currency) {
        if (value == null) {
            return NOT_AVAILABLE;
        }
        String digits = number(value.abs());
        return (value.signum() < 0 ? "-" : "") + symbol(currency) + digits;
    }

    /**
     * The symbol as written in English ({@code $}, {@code €}, {@code £}, {@code ¥}, {@code CA$}), or
     * the code and a space for a currency without one; an unknown code is printed as it is.
     */
    public static String symbol(String currency) {
        if (currency == null) {
            return "";
        }
        try {
            String symbol = Currency.getInstance(currency).getSymbol(Locale.US);
            return symbol.equals(currency) ? currency + " " : symbol;
        } catch (IllegalArgumentException e) {
            return currency + " ";
        }
    }

    /** An amount in thousands with one decimal, for a dense table whose caption says so: {@code 1,234.6}. */
    public static String thousands(BigDecimal value) {
        if (value == null) {
            return NOT_AVAILABLE;
        }
        DecimalFormat format = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        return format.format(value.movePointLeft(3));
    }

    /** A month as a reader names it: {@code Apr 2025}. */
    public static String month(java.time.LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", Locale.US));
    }

    /** An attribute or field name as a heading: {@code segment} as "Segment". */
    public static String heading(String code) {
        if (code == null || code.isEmpty()) {
            return NOT_AVAILABLE;
        }
        String words = code.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A ratio with no unit, such as the quick ratio: {@code 1.29x}. */
    public static String times(BigDecimal value) {
        return value == null ? NOT_AVAILABLE : number(value) + "x";
    }

    public static String percent(BigDecimal value) {
        return value == null ? NOT_AVAILABLE : number(value) + " %";
    }

    public static String count(long value) {
        return String.format(Locale.US, "%,d", value);
    }

    public static String value(Headline headline, String currency) {
        return of(headline.unit(), headline.current(), currency);
    }

    public static String previous(Headline headline, String currency) {
        return of(headline.unit(), headline.previous(), currency);
    }

    /** The change with its sign; percentages change by percentage points, money in the currency. */
    public static String change(Headline headline, String currency) {
        BigDecimal change = headline.change();
        if (change == null) {
            return NOT_AVAILABLE;
        }
        String sign = change.signum() > 0 ? "+" : change.signum() < 0 ? "-" : "";
        String magnitude = switch (headline.unit()) {
            case MONEY -> symbol(currency) + number(change.abs());
            case PERCENT -> number(change.abs()) + " pp";
            case RATIO -> number(change.abs());
        };
        return sign + magnitude;
    }

    /** {@code up}, {@code down} or {@code flat}, for styling a change. */
    public static String direction(Headline headline) {
        BigDecimal change = headline.change();
        return change == null || change.signum() == 0 ? "flat" : change.signum() > 0 ? "up" : "down";
    }

    public static String of(Headline.Unit unit, BigDecimal value, String currency) {
        return switch (unit) {
            case MONEY -> money(value, currency);
            case PERCENT -> percent(value);
            case RATIO -> number(value);
        };
    }

    /** A code such as {@code below_healthy} as words. */
    public static String words(String code) {
        return code == null ? NOT_AVAILABLE : code.replace('_', ' ');
    }

    /**
     * An evidence value: numbers grouped like every other figure (a key ending {@code _pct} as a
     * percentage, {@code _mrr} or {@code _revenue} as money), text as it is, a list as its items.
     */
    public static String evidence(String key, Object value, String currency) {
        if (value == null) {
            return NOT_AVAILABLE;
        }
        if (value instanceof Collection<?> items) {
            List<String> parts = new ArrayList<>();
            items.forEach(item -> parts.add(evidence(key, item, currency)));
            return String.join(", ", parts);
        }
        if (value instanceof Map<?, ?> parts) {
            List<String> labelled = new ArrayList<>();
            parts.forEach((k, v) -> labelled.add(evidenceLabel(String.valueOf(k)) + " "
                    + evidence(String.valueOf(k), v, currency)));
            return String.join(", ", labelled);
        }
        if (value instanceof Number n && !(value instanceof BigDecimal)) {
            value = new BigDecimal(n.toString());
        }
        if (!(value instanceof BigDecimal d)) {
            return String.valueOf(value);
        }
        if (key.endsWith("_pct") || key.endsWith("_pct_points")) {
            return number(d) + (key.endsWith("_points") ? " pp" : " %");
        }
        if (key.endsWith("_mrr") || key.endsWith("_revenue") || key.endsWith("_arr")) {
            return money(d, currency);
        }
        return d.stripTrailingZeros().scale() <= 0 ? count(d.longValue()) : number(d);
    }

    /** An evidence key such as {@code single_line_logo_retention_pct} as a label: "Single line logo retention (%)". */
    public static String evidenceLabel(String key) {
        String words = key.replace('_', ' ').trim();
        String unit = "";
        if (words.endsWith(" pct points")) {
            words = words.substring(0, words.length() - " pct points".length());
            unit = " (pp)";
        } else if (words.endsWith(" pct")) {
            words = words.substring(0, words.length() - " pct".length());
            unit = " (%)";
        }
        words = (" " + words + " ").replace(" mrr ", " MRR ").replace(" arr ", " ARR ")
                .replace("cross sell", "cross-sell").trim();
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1) + unit;
    }
}
