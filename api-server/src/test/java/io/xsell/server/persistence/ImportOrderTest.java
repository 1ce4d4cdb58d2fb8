package io.xsell.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportOrderTest {

    @Test
    void putsRowsBackInSeqOrderWhateverOrderTheyArrive() {
        ImportOrder<String> order = new ImportOrder<>("customers", "csv");
        for (int seq = 2999; seq >= 0; seq -= 2) {
            order.put(seq, "row" + seq);
        }
        for (int seq = 0; seq < 3000; seq += 2) {
            order.put(seq, "row" + seq);
        }

        List<String> rows = new ArrayList<>(List.of("earlier source"));
        order.addTo(rows);

        assertThat(rows).hasSize(3001).startsWith("earlier source", "row0", "row1").endsWith("row2999");
    }

    @Test
    void refusesGapsAndRepeatedPositions() {
        ImportOrder<String> gap = new ImportOrder<>("products", "csv");
        gap.put(0, "a");
        gap.put(2, "c");
        assertThatThrownBy(() -> gap.addTo(new ArrayList<>()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("products")
                .hasMessageContaining("1 gap(s)");

        ImportOrder<String> twice = new ImportOrder<>("products", "csv");
        twice.put(0, "a");
        assertThatThrownBy(() -> twice.put(0, "b")).hasMessageContaining("seq 0 twice");
    }

    @Test
    void rowsNumberedFromTheOtherHalfTakeTheirPositionInIt() {
        int half = SourceWriter.OTHER_HALF;
        ImportOrder<String> order = new ImportOrder<>("subscription_items", "csv");
        order.put(half + 2, "c");
        order.put(half, "a");
        order.put(half + 1, "b");

        List<String> rows = new ArrayList<>();
        order.addTo(rows);

        assertThat(order.size()).isEqualTo(3);
        assertThat(rows).containsExactly("a", "b", "c");
    }

    @Test
    void refusesRowsOfBothHalvesInOneSource() {
        ImportOrder<String> mixed = new ImportOrder<>("customers", "csv");
        mixed.put(0, "a");
        assertThatThrownBy(() -> mixed.put(SourceWriter.OTHER_HALF + 1, "b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("customers")
                .hasMessageContaining("apart from the range of seq 0 on");

        ImportOrder<String> gap = new ImportOrder<>("customers", "csv");
        gap.put(SourceWriter.OTHER_HALF + 1, "b");
        assertThatThrownBy(() -> gap.addTo(new ArrayList<>()))
                .hasMessageContaining("1 gap(s) in seq " + SourceWriter.OTHER_HALF + "..");
    }
}
