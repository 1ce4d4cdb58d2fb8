package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundsTest {
    @Test
    void hugeExponentIsRefusedFromItsScaleWithoutBeingWrittenOut() {
        BigDecimal huge = new BigDecimal("1e200000000");

        assertThatThrownBy(() -> Bounds.wireDecimal(huge, "cost"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("was 1E+200000000");
        assertThatThrownBy(() -> Bounds.magnitude(huge, "cost")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Bounds.wireDecimal(new BigDecimal("1e-999999"), "cost"))
                .hasMessageContaining("14 after");
    }

    @Test
    void decimalTextWithinTheDigitBounds() {
        assertThat(Bounds.decimal("999999999999." + "9".repeat(14), "x")).isNotNull();
        assertThat(Bounds.decimal("1e3", "x")).isNull();
        assertThatThrownBy(() -> Bounds.decimal("1".repeat(13), "unit_amount"))
                .isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("unit_amount");
        assertThatThrownBy(() -> Bounds.decimal("1." + "1".repeat(15), "x")).hasMessageContaining("14 after");
    }

    @Test
    void aLongWholeNumberIsDescribedCut() {
        // BigDecimal.toString writes a whole number out in full, however long
        assertThat(Bounds.describe(new BigDecimal("1" + "0".repeat(400)))).hasSizeLessThan(130)
                .endsWith("… (401 characters)");
        assertThat(Bounds.describe(new BigDecimal("1e200000000"))).isEqualTo("1E+200000000");
    }

    @Test
    void quotesAreCut() {
        assertThat(Bounds.quote("a".repeat(1_000_000))).hasSizeLessThan(130).contains("… (1000000 characters)");
        assertThat(Bounds.quote("short")).isEqualTo("'short'");
    }

    @Test
    void modelFactoriesApplyTheBounds() {
        assertThatThrownBy(() -> new Customer("c1", "n".repeat(1_000_000), null, Map.of()))
                .hasMessage("name must be at most 1000 characters, was 1000000");
        assertThatThrownBy(() -> Customer.of("c".repeat(201), Map.of())).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> new Campaign("c", null, "email", new BigDecimal("1e200000000"), "USD",
                LocalDate.of(2025, 1, 1), null, null)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> RecurringItem.builder("i", "c", "p").start("2025-01-01")
                .unitAmount(new BigDecimal("1e13")).build()).hasMessageContaining("unit_amount is out of range");
        assertThatThrownBy(() -> Customer.of("c1", Map.of("segment", "s".repeat(1001))))
                .hasMessageContaining("segment must be at most 1000");
    }
}
