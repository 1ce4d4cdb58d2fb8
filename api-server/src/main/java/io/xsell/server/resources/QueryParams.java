package io.xsell.server.resources;

import io.xsell.core.metrics.Granularity;
import io.xsell.core.metrics.Window;
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
            throw ProblemException.badParameter(name, "'" + value + "' is not a date (YYYY-MM-DD)");
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

    static String optional(String name, String value) {
        if (value != null && value.isBlank()) {
            throw ProblemException.badParameter(name, "must not be empty");
        }
        return value;
    }
}
