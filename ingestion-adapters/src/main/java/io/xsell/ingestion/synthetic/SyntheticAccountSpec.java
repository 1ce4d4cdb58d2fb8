package io.xsell.ingestion.synthetic;

import io.xsell.core.model.CurrencyCode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * What to generate: the same spec always yields the same account.
 *
 * @param seed              drives every random choice
 * @param customers         number of customers, 1 to {@value #MAX_CUSTOMERS}
 * @param historyStart      first day of billing history; every acquisition, change and charge falls in
 *                          {@code [historyStart, historyEnd]}
 * @param historyEnd        last day of billing history (inclusive); items still running then stay open
 * @param reportingCurrency USD, EUR or GBP: items are priced in those three, and the generator only
 *                          knows exchange rates between them
 */
public record SyntheticAccountSpec(long seed, int customers, LocalDate historyStart, LocalDate historyEnd,
                                   String reportingCurrency) {

    public static final int MAX_CUSTOMERS = 10_000_000;
    public static final LocalDate DEFAULT_HISTORY_END = LocalDate.of(2026, 10, 31);
    public static final String DEFAULT_REPORTING_CURRENCY = "USD";

    static final Set<String> SUPPORTED_CURRENCIES = Set.of("USD", "EUR", "GBP");
    /** Shorter histories leave no room for the monthly lifecycle (cross-sell, churn, comeback). */
    static final int MIN_HISTORY_DAYS = 90;
    /** Dates are cached per day of history, so the span is bounded to keep that cache small. */
    static final int MAX_HISTORY_DAYS = 20 * 366;

    public SyntheticAccountSpec {
        Objects.requireNonNull(historyStart, "historyStart");
        Objects.requireNonNull(historyEnd, "historyEnd");
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers must be between 1 and " + MAX_CUSTOMERS + ", was " + customers);
        }
        long days = ChronoUnit.DAYS.between(historyStart, historyEnd) + 1;
        if (days < MIN_HISTORY_DAYS || days > MAX_HISTORY_DAYS) {
            throw new IllegalArgumentException("history " + historyStart + ".." + historyEnd + " must span "
                    + MIN_HISTORY_DAYS + " to " + MAX_HISTORY_DAYS + " days, was " + days);
        }
        reportingCurrency = CurrencyCode.require(reportingCurrency);
        if (!SUPPORTED_CURRENCIES.contains(reportingCurrency)) {
            throw new IllegalArgumentException("reporting currency must be USD, EUR or GBP, was " + reportingCurrency);
        }
    }

    /** Three years of history ending {@link #DEFAULT_HISTORY_END}, reported in USD. */
    public static SyntheticAccountSpec defaults(long seed, int customers) {
        return new SyntheticAccountSpec(seed, customers, DEFAULT_HISTORY_END.plusDays(1).minusYears(3),
                DEFAULT_HISTORY_END, DEFAULT_REPORTING_CURRENCY);
    }

    /** Number of days of history, both ends included. */
    public int historyDays() {
        return Math.toIntExact(ChronoUnit.DAYS.between(historyStart, historyEnd) + 1);
    }
}
