package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CellParserTest {
    private final CellParser cells = new CellParser();

    @Test
    void acceptsOnlyCalendarDatesInYyyyMmDd() {
        assertThat(cells.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(cells.date("2023-02-29")).isNull();
        assertThat(cells.date("2024-2-1")).isNull();
        assertThat(cells.date("2024-01-01T00:00")).isNull();
        assertThat(cells.date("+2024-01-01")).isNull();
        assertThat(cells.date("2024-00-10")).isNull();
    }

    @Test
    void sharesOneInstancePerDistinctText() {
        assertThat(cells.date("2024-05-01")).isSameAs(cells.date(new String("2024-05-01")));
        assertThat(cells.decimal("49.90", "amount")).isSameAs(cells.decimal(new String("49.90"), "amount"));
        assertThat(cells.decimal("1", "amount")).isSameAs(BigDecimal.ONE);
        assertThat(cells.currency("eur")).isEqualTo("EUR").isSameAs(cells.currency("EUR"));
    }

    @Test
    void acceptsOnlyPlainDecimals() {
        assertThat(cells.decimal("-15.50", "amount")).isEqualByComparingTo("-15.5");
        assertThat(cells.decimal("007", "amount")).isEqualByComparingTo("7");
        assertThat(cells.decimal("1e3", "amount")).isNull();
        assertThat(cells.decimal("1,000", "amount")).isNull();
        assertThat(cells.decimal(".5", "amount")).isNull();
        assertThat(cells.decimal("5.", "amount")).isNull();
        assertThat(cells.decimal("+5", "amount")).isNull();
        assertThat(cells.decimal("-", "amount")).isNull();
    }

    @Test
    void wholeNumbersAreDigitsOnly() {
        assertThat(CellParser.wholeNumber("12")).isEqualTo(12);
        assertThat(CellParser.wholeNumber("-1")).isEqualTo(-1);
        assertThat(CellParser.wholeNumber("1.0")).isEqualTo(-1);
        assertThat(CellParser.wholeNumber("1234567890")).isEqualTo(-1);
    }
}
