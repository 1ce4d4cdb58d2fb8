package io.xsell.core.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A reporting window {@code [from, to)}. Its start state is day {@code from - 1}, its end state
 * day {@code to - 1}; movements on days {@code from <= d < to} belong to it.
 */
public record Window(LocalDate from, LocalDate to) {
    public Window {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    /**
     * The last {@code months} whole calendar months before today's month, today being read
     * from {@code clock} in UTC: on any day of March 2026, {@code lastFullMonths(12, clock)}
     * is {@code [2025-03-01, 2026-03-01)}.
     */
    public static Window lastFullMonths(int months, Clock clock) {
        if (months < 1) {
            throw new IllegalArgumentException("months must be >= 1, was " + months);
        }
        LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
        return new Window(to.minusMonths(months), to);
    }

    public static Window of(String from, String to) {
        return new Window(LocalDate.parse(from), LocalDate.parse(to));
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** Epoch day of the start state, {@code from - 1}. */
    public int startStateDay() {
        return Math.toIntExact(from.toEpochDay() - 1);
    }

    /** Epoch day of the end state, {@code to - 1}. */
    public int endStateDay() {
        return Math.toIntExact(to.toEpochDay() - 1);
    }

    public boolean contains(int epochDay) {
        return epochDay >= from.toEpochDay() && epochDay < to.toEpochDay();
    }
}
