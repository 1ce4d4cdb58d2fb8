package io.xsell.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void fromMustBeBeforeTo() {
        assertThatThrownBy(() -> Window.of("2025-02-01", "2025-02-01")).hasMessageContaining("must be before");
    }

    @Test
    void stateDaysAreTheDayBeforeEachBound() {
        Window window = Window.of("2025-01-01", "2026-01-01");
        assertThat(LocalDate.ofEpochDay(window.startStateDay())).isEqualTo("2024-12-31");
        assertThat(LocalDate.ofEpochDay(window.endStateDay())).isEqualTo("2025-12-31");
        assertThat(window.days()).isEqualTo(365);
    }

    @Test
    void lastFullMonthsEndsAtTheStartOfTheClocksMonth() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-17T23:30:00Z"), ZoneOffset.UTC);
        assertThat(Window.lastFullMonths(12, clock)).isEqualTo(Window.of("2025-03-01", "2026-03-01"));
    }
}
