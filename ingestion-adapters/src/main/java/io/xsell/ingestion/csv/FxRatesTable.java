package io.xsell.ingestion.csv;

import io.xsell.core.model.FxRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** fx_rates.csv: {@code rate} units of the reporting currency for one unit of {@code currency}, from {@code date}. */
final class FxRatesTable implements TableReader {
    private final RowCheck check;
    private final List<FxRate> rates = new ArrayList<>();
    private final Map<String, Integer> firstLineByCurrencyAndDate = new HashMap<>();
    private Col date;
    private Col currency;
    private Col rate;
    private boolean read;

    FxRatesTable(ErrorCollector errors, CellParser cells) {
        this.check = new RowCheck(ImportFile.FX_RATES, errors, cells);
    }

    @Override
    public boolean begin(Header header) {
        date = header.required("date");
        currency = header.required("currency");
        rate = header.required("rate");
        read = header.complete();
        return read;
    }

    @Override
    public void stopped() {
        read = false;
    }

    @Override
    public void row(Row row) {
        check.start(row);
        LocalDate day = check.date(date, true);
        String code = check.currency(currency);
        BigDecimal value = check.positive(rate, true);
        if (day != null && code != null) {
            // Two rates for one currency and day would leave the rate in force to file order.
            Integer first = firstLineByCurrencyAndDate.putIfAbsent(code + ' ' + day, row.line());
            if (first != null) {
                check.fail(date, "duplicate rate for " + code + " on " + day + " (first on line " + first + ")");
            }
        }
        if (check.passed()) {
            try {
                rates.add(new FxRate(day, code, value));
            } catch (IllegalArgumentException | NullPointerException e) {
                check.rejectedByModel(e);
            }
        }
    }

    /** True when the file was present with a usable header and read to its end. */
    boolean read() {
        return read;
    }

    List<FxRate> rates() {
        return rates;
    }
}
