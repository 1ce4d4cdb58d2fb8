package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** The rate table of one tenant: the latest rate on or before a day, per currency. */
public final class FxRates {
    private final String reportingCurrency;
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> byCurrency = new HashMap<>();

    public FxRates(String reportingCurrency, Collection<FxRate> rates) {
        this.reportingCurrency = CurrencyCode.require(reportingCurrency);
        for (FxRate rate : rates) {
            byCurrency.computeIfAbsent(rate.currency(), c -> new TreeMap<>()).put(rate.date(), rate.rate());
        }
    }

    public String reportingCurrency() {
        return reportingCurrency;
    }

    /**
     * True when {@link #rateOn} has a rate for {@code currency} on {@code day}: the reporting currency,
     * or a day on or after the currency's first rate. A check of millions of rows asks this, without
     * a lookup in the rates or an {@code Optional} per row.
     */
    public boolean covers(String currency, LocalDate day) {
        if (reportingCurrency.equals(currency)) {
            return true;
        }
        NavigableMap<LocalDate, BigDecimal> table = byCurrency.get(currency);
        return table != null && !table.isEmpty() && !day.isBefore(table.firstKey());
    }

    /** The rate in force on {@code day}; 1 for the reporting currency; empty when none is known yet. */
    public Optional<BigDecimal> rateOn(String currency, LocalDate day) {
        if (reportingCurrency.equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        NavigableMap<LocalDate, BigDecimal> table = byCurrency.get(currency);
        if (table == null) {
            return Optional.empty();
        }
        Entry<LocalDate, BigDecimal> entry = table.floorEntry(day);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }
}
