package io.xsell.server.api;

import io.xsell.core.model.FxRate;
import io.xsell.server.problem.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One FX rate as a request gives it: {@code {"date": "2025-01-31", "currency": "EUR", "rate": 1.1}}
 * (the rate as a number or as decimal text). The date is text so that a bad one is named with the
 * request's other errors rather than alone.
 */
public record FxRateJson(String date, String currency, BigDecimal rate) {

    /** The rates of {@code fx_rates}, each bad one named in {@code errors}; empty when absent. */
    static List<FxRate> rates(List<FxRateJson> rates, List<Problem.FieldError> errors) {
        List<FxRate> parsed = new ArrayList<>();
        if (rates == null) {
            return parsed;
        }
        for (int i = 0; i < rates.size(); i++) {
            FxRateJson rate = rates.get(i);
            String field = "fx_rates[" + i + "]";
            if (rate == null) {
                errors.add(Problem.FieldError.parameter(field, "must be an object {date, currency, rate}"));
                continue;
            }
            try {
                LocalDate date = LocalDate.parse(String.valueOf(Text.orNull(rate.date())));
                if (rate.rate() == null) {
                    errors.add(Problem.FieldError.parameter(field + ".rate", "must be a decimal number"));
                    continue;
                }
                parsed.add(new FxRate(date, Text.orNull(rate.currency()), rate.rate()));
            } catch (DateTimeParseException e) {
                errors.add(Problem.FieldError.parameter(field + ".date", "must be a date YYYY-MM-DD"));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(Problem.FieldError.parameter(field, String.valueOf(e.getMessage())));
            }
        }
        return parsed;
    }
}
