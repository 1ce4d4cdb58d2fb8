package io.xsell.core.mrr;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MrrLedgerRestoreTest {
    private static final TenantDataset DATA = dataset().holds("a", "A", "100", "2024-01-01")
            .holds("a", "B", "5", "2025-03-01").holds("b", "A", "7", "2024-06-01").build();

    private static PricedItem[][] items(MrrLedger ledger) {
        PricedItem[][] items = new PricedItem[ledger.customerCount()][];
        for (int c = 0; c < items.length; c++) {
            items[c] = ledger.items(c).clone();
        }
        return items;
    }

    private static PricedCharge[][] charges(MrrLedger ledger) {
        PricedCharge[][] charges = new PricedCharge[ledger.customerCount()][];
        for (int c = 0; c < charges.length; c++) {
            charges[c] = ledger.charges(c);
        }
        return charges;
    }

    @Test
    void theSavedPartsOfALedgerGiveTheSameReports() {
        MrrLedger priced = MrrLedger.of(DATA);

        MrrLedger restored = MrrLedger.restore(DATA, items(priced), charges(priced));

        Window window = Window.of("2024-01-01", "2026-01-01");
        assertThat(CrossSellCalculator.report(restored, window, null))
                .isEqualTo(CrossSellCalculator.report(priced, window, null));
        assertThat(restored.lines()).isEqualTo(priced.lines());
        assertThat(restored.retainedBytes()).isEqualTo(priced.retainedBytes());
    }

    @Test
    void partsThatDoNotFitTheDatasetAreRefused() {
        MrrLedger priced = MrrLedger.of(DATA);
        PricedItem[][] tooFew = {items(priced)[0]};
        assertThatThrownBy(() -> MrrLedger.restore(DATA, tooFew, charges(priced)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 customers");

        PricedItem[][] unknownLine = items(priced);
        unknownLine[0][0] = new PricedItem(99, 0, PricedItem.OPEN, BigDecimal.ONE, false);
        assertThatThrownBy(() -> MrrLedger.restore(DATA, unknownLine, charges(priced)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lines");

        PricedItem[][] unordered = items(priced);
        int customerWithTwo = unordered[0].length == 2 ? 0 : 1;
        PricedItem first = unordered[customerWithTwo][0];
        unordered[customerWithTwo][0] = unordered[customerWithTwo][1];
        unordered[customerWithTwo][1] = first;
        assertThatThrownBy(() -> MrrLedger.restore(DATA, unordered, charges(priced)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
