package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void fallsBackToTheIdAndTheMappingWinsOverTheProductNames() {
        DisplayNames csv = DisplayNames.ofProducts(List.of(
                new Product("p1", null, "premium_support", LineKind.MODULE, null, "Support (CSV)"),
                new Product("p2", null, "analytics", LineKind.MODULE, null, "Analytics")));
        DisplayNames mapping = new DisplayNames(Map.of("premium_support", "Premium Support"),
                Map.of("segment", Map.of("mid_market", "Mid-market")));

        DisplayNames names = mapping.over(csv);

        assertThat(names.line("premium_support")).isEqualTo("Premium Support");
        assertThat(names.line("analytics")).isEqualTo("Analytics");
        assertThat(names.line("seats")).isEqualTo("seats");
        assertThat(names.segment("segment", "mid_market")).isEqualTo("Mid-market");
        assertThat(names.segment("segment", "smb")).isEqualTo("smb");
        assertThat(names.segment("region", "mid_market")).isEqualTo("mid_market");
    }

    @Test
    void problemsNameTheEntry() {
        Map<String, String> lines = new HashMap<>();
        lines.put("a", " ");
        lines.put("b", "x".repeat(201));
        lines.put("c", "Fine");
        assertThat(DisplayNames.problems(lines, Map.of("segment", Map.of("smb", "")))).extracting(DisplayNames.Problem::field)
                .containsExactlyInAnyOrder("product_lines.a", "product_lines.b", "segments.segment.smb");
    }

    @Test
    void boundsTheNumberOfNames() {
        Map<String, String> lines = new HashMap<>();
        for (int i = 0; i <= DisplayNames.MAX_ENTRIES; i++) {
            lines.put("line" + i, "Line " + i);
        }
        assertThat(DisplayNames.problems(lines, null)).extracting(DisplayNames.Problem::field).containsExactly("body");
    }

    @Test
    void productRefusesABlankOrLongLineName() {
        assertThatThrownBy(() -> new Product("p", null, "l", LineKind.MODULE, null, "x".repeat(201)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("product_line_name");
    }
}
