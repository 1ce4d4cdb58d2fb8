package io.xsell.server.resources;

import io.xsell.core.metrics.Granularity;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.Bounds;
import io.xsell.server.problem.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parses query parameters, answering 400 naming the parameter when one is missing or malformed. */
final class QueryParams {
    private QueryParams() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badParameter(name, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, Bounds.quote(value) + " is not a date (YYYY-MM-DD)");
        }
    }

    static Window window(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (!start.isBefore(end)) {
            throw ProblemException.badParameter("to", "must be after from (" + start + "), was " + end);
        }
        return new Window(start, end);
    }

    /** Most periods one movements request may ask for: each is a row of the answer, and answers are cached. */
    static final int MAX_PERIODS = 1000;

    /**
     * The window cut by {@code granularity} into at most {@value #MAX_PERIODS} periods; without
     * this cap, a weekly series over the calendar's whole range is one answer of some 180 MB,
     * computed for seconds and then held in the response cache.
     */
    static void requireFewPeriods(Window window, Granularity granularity) {
        int periods = 0;
        for (LocalDate start = window.from(); start.isBefore(window.to()); start = granularity.nextBoundary(start)) {
            if (++periods > MAX_PERIODS) {
                throw ProblemException.badParameter("granularity", "the window " + window.from() + " to " + window.to()
                        + " has more than " + MAX_PERIODS + " " + granularity.code()
                        + " periods; choose a coarser granularity or a shorter window");
            }
        }
    }

    static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.MONTH;
        }
        try {
            return Granularity.parse(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("granularity", e.getMessage());
        }
    }

    /** An optional whole number within {@code [min, max]}; {@code defaultValue} when absent. */
    static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null) {
            return defaultValue;
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, Bounds.quote(value) + " is not a whole number");
        }
        if (number < min || number > max) {
            throw ProblemException.badParameter(name, "must be between " + min + " and " + max + ", was " + number);
        }
        return number;
    }

    static String optional(String name, String value) {
        if (value != null && value.isBlank()) {
            throw ProblemException.badParameter(name, "must not be empty");
        }
        return value;
    }
}
