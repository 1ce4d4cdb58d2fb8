package io.xsell.core.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How a window is cut into periods: on calendar boundaries (ISO weeks start on Monday). */
public enum Granularity {
    WEEK, MONTH, QUARTER, YEAR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Granularity parse(String text) {
        for (Granularity g : values()) {
            if (g.code().equals(text)) {
                return g;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a granularity (week, month, quarter, year)");
    }

    /** The first calendar boundary strictly after {@code day}. */
    public LocalDate nextBoundary(LocalDate day) {
        return switch (this) {
            case WEEK -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1).plusMonths(1);
            case QUARTER -> day.withDayOfMonth(1).withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1).plusMonths(3);
            case YEAR -> day.withDayOfYear(1).plusYears(1);
        };
    }
}
