package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CellParserTest {
    private final CellParser cells = new CellParser();

    @Test
    void acceptsOnlyCalendarDatesInYyyyMmDd() {
        assertThat(cells.date(CellRanges.of("2024-02-29"))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(cells.date(CellRanges.of("2023-02-29"))).isNull();
        assertThat(cells.date(CellRanges.of("2024-2-1"))).isNull();
        assertThat(cells.date(CellRanges.of("2024-01-01T00:00"))).isNull();
        assertThat(cells.date(CellRanges.of("+2024-01-01"))).isNull();
        assertThat(cells.date(CellRanges.of("2024-00-10"))).isNull();
    }

    @Test
    void sharesOneInstancePerDistinctText() {
        assertThat(cells.date(CellRanges.of("2024-05-01"))).isSameAs(cells.date(CellRanges.of(new String("2024-05-01"))));
        assertThat(cells.decimal(CellRanges.of("49.90"), "amount")).isSameAs(cells.decimal(CellRanges.of(new String("49.90")), "amount"));
        assertThat(cells.decimal(CellRanges.of("1"), "amount")).isSameAs(BigDecimal.ONE);
        assertThat(cells.currency(CellRanges.of("eur"))).isEqualTo("EUR").isSameAs(cells.currency(CellRanges.of("EUR")));
    }

    @Test
    void acceptsOnlyPlainDecimals() {
        assertThat(cells.decimal(CellRanges.of("-15.50"), "amount")).isEqualByComparingTo("-15.5");
        assertThat(cells.decimal(CellRanges.of("007"), "amount")).isEqualByComparingTo("7");
        assertThat(cells.decimal(CellRanges.of("1e3"), "amount")).isNull();
        assertThat(cells.decimal(CellRanges.of("1,000"), "amount")).isNull();
        assertThat(cells.decimal(CellRanges.of(".5"), "amount")).isNull();
        assertThat(cells.decimal(CellRanges.of("5."), "amount")).isNull();
        assertThat(cells.decimal(CellRanges.of("+5"), "amount")).isNull();
        assertThat(cells.decimal(CellRanges.of("-"), "amount")).isNull();
    }

    @Test
    void wholeNumbersAreDigitsOnly() {
        assertThat(CellParser.wholeNumber(CellRanges.of("12"))).isEqualTo(12);
        assertThat(CellParser.wholeNumber(CellRanges.of("-1"))).isEqualTo(-1);
        assertThat(CellParser.wholeNumber(CellRanges.of("1.0"))).isEqualTo(-1);
        assertThat(CellParser.wholeNumber(CellRanges.of("1234567890"))).isEqualTo(-1);
    }
}
