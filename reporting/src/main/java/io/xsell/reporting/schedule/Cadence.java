package io.xsell.reporting.schedule;

import io.xsell.core.metrics.Granularity;
import io.xsell.core.metrics.Window;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How often a summary is sent, and so which calendar period it covers: ISO weeks (Monday to
 * Sunday), calendar months, calendar quarters (January, April, July, October).
 */
public enum Cadence {
    WEEKLY(Granularity.WEEK), MONTHLY(Granularity.MONTH), QUARTERLY(Granularity.QUARTER);

    private final Granularity granularity;

    Cadence(Granularity granularity) {
        this.granularity = granularity;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Cadence parse(String text) {
        for (Cadence c : values()) {
            if (c.code().equals(text)) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a cadence (weekly, monthly, quarterly)");
    }

    /** The movement-series cut whose periods are exactly this cadence's periods. */
    public Granularity granularity() {
        return granularity;
    }

    /** First day of the period holding {@code day}. */
    public LocalDate periodStart(LocalDate day) {
        return switch (this) {
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY -> day.withDayOfMonth(1).withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1);
        };
    }

    /** The period holding {@code day}. */
    public Window periodOf(LocalDate day) {
        LocalDate start = periodStart(day);
        return new Window(start, next(start));
    }

    /** The last whole period that ended on or before {@code day}: what a summary sent on {@code day} covers. */
    public Window lastCompletePeriod(LocalDate day) {
        LocalDate end = periodStart(day);
        return new Window(previous(end), end);
    }

    /** The period just before {@code period}, against which a summary compares its headlines. */
    public Window previousPeriod(Window period) {
        return new Window(previous(period.from()), period.from());
    }

    private LocalDate next(LocalDate start) {
        return switch (this) {
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
            case QUARTERLY -> start.plusMonths(3);
        };
    }

    private LocalDate previous(LocalDate start) {
        return switch (this) {
            case WEEKLY -> start.minusWeeks(1);
            case MONTHLY -> start.minusMonths(1);
            case QUARTERLY -> start.minusMonths(3);
        };
    }
}
