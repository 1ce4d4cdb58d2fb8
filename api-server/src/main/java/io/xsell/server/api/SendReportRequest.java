package io.xsell.server.api;

import io.xsell.core.metrics.Window;
import io.xsell.core.model.Bounds;
import io.xsell.server.problem.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The optional body of {@code POST /v1/report-schedules/{id}/send}: {@code from} and {@code to}
 * (ISO dates, {@code to} exclusive), both or neither; no other field.
 */
public record SendReportRequest(String from, String to) {
    /** The longest period one summary covers: a leap year. */
    public static final int MAX_DAYS = 366;
    public static final Map<String, String> SHAPES = Map.of("body", "must be a JSON object");

    /**
     * The period asked for, null for the schedule's default, or null with every problem in {@code errors}.
     *
     * @param latestTo the latest {@code to} accepted: a period cannot reach past today
     */
    public Window toWindow(List<String> unknownFields, LocalDate latestTo, List<Problem.FieldError> errors) {
        int before = errors.size();
        unknownFields.forEach(name ->
                errors.add(Problem.FieldError.parameter(name, "is not a field of a send request (from, to)")));
        if (from == null && to == null) {
            return null;
        }
        if (from == null || to == null) {
            errors.add(Problem.FieldError.parameter(from == null ? "from" : "to",
                    "is required with " + (from == null ? "to" : "from") + ": give both dates or neither"));
            return null;
        }
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add(Problem.FieldError.parameter("to", "must be after from (" + start + "), was " + end));
            } else if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
                errors.add(Problem.FieldError.parameter("to", "the period " + start + " to " + end + " is longer than "
                        + MAX_DAYS + " days"));
            } else if (end.isAfter(latestTo)) {
                errors.add(Problem.FieldError.parameter("to", "must be at most " + latestTo
                        + " (exclusive: a period ends by today), was " + end));
            }
        }
        return errors.size() > before ? null : new Window(start, end);
    }

    private static LocalDate date(String field, String value, List<Problem.FieldError> errors) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(Problem.FieldError.parameter(field, Bounds.quote(value) + " is not a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
