package io.xsell.ingestion.stripe.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.xsell.ingestion.stripe.mapping.AmountOffSplit.Share;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmountOffSplitTest {
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate JAN_11 = LocalDate.of(2026, 1, 11);
    private static final LocalDate FEB = LocalDate.of(2026, 2, 1);
    private static final Map<String, Long> COUPON = Map.of("co_30", 3000L);

    private static ItemSpan span(String item, LocalDate joined, LocalDate start, LocalDate end, long amount,
                                 Map<LocalDate, Long> billed) {
        return new ItemSpan(item, joined, start, end, amount, List.of("co_30"), billed);
    }

    @Test
    void anItemAddedMidPeriodTakesItsShareFromThatDayAndTheOthersGiveItUp() {
        // 30.00 off: the core alone bills all of it; from Jan 11 the core (100.00) and the add-on (50.00) share it
        ItemSpan core = span("si_core", JAN, JAN, null, 10000, Map.of(JAN, 3000L, FEB, 2000L));
        ItemSpan addon = span("si_addon", JAN_11, JAN_11, null, 5000, Map.of(FEB, 1000L));

        assertThat(AmountOffSplit.of(List.of(core, addon), COUPON)).containsExactly(
                entry(core, List.of(new Share(JAN, JAN_11, 3000), new Share(JAN_11, null, 2000))),
                entry(addon, List.of(new Share(JAN_11, null, 1000))));
    }

    @Test
    void anItemRemovedMidPeriodLeavesTheWholeCouponToTheItemsThatStay() {
        ItemSpan core = span("si_core", JAN, JAN, null, 10000, Map.of(JAN, 2000L));
        ItemSpan addon = span("si_addon", JAN, JAN, JAN_11, 5000, Map.of(JAN, 1000L));

        // the removed add-on's cents go back to the core on the day it leaves
        assertThat(AmountOffSplit.of(List.of(core, addon), COUPON).get(core))
                .containsExactly(new Share(JAN, JAN_11, 2000), new Share(JAN_11, null, 3000));
    }

    @Test
    void aSeatChangeSplitsAgainOnItsDay() {
        // 30.00 off 100.00 + 2 × 25.00, then + 4 × 25.00 from Jan 11: 20.00/10.00, then 15.00/15.00
        ItemSpan core = span("si_core", JAN, JAN, null, 10000, Map.of());
        ItemSpan twoSeats = span("si_seats", JAN, JAN, JAN_11, 5000, Map.of());
        ItemSpan fourSeats = span("si_seats", JAN, JAN_11, null, 10000, Map.of());

        Map<ItemSpan, List<Share>> shares = AmountOffSplit.of(List.of(core, twoSeats, fourSeats), COUPON);

        assertThat(shares.get(core)).containsExactly(new Share(JAN, JAN_11, 2000), new Share(JAN_11, null, 1500));
        assertThat(shares.get(twoSeats)).containsExactly(new Share(JAN, JAN_11, 1000));
        assertThat(shares.get(fourSeats)).containsExactly(new Share(JAN_11, null, 1500));
    }

    @Test
    void aTieGoesToTheItemThatJoinedFirstThenTheSmallerId() {
        // 0.05 off three 7.00 items: 1.6666… each, so 2, 2 and 1; the item that joined last gets the 1
        ItemSpan late = span("si_a", JAN_11, JAN_11, null, 700, Map.of());
        ItemSpan b = span("si_b", JAN, JAN, null, 700, Map.of());
        ItemSpan c = span("si_c", JAN, JAN, null, 700, Map.of());

        Map<ItemSpan, List<Share>> shares = AmountOffSplit.of(List.of(late, c, b),
                Map.of("co_30", 5L));

        assertThat(shares.get(b)).containsExactly(new Share(JAN, JAN_11, 3), new Share(JAN_11, null, 2));
        assertThat(shares.get(c)).containsExactly(new Share(JAN, null, 2));
        assertThat(shares.get(late)).containsExactly(new Share(JAN_11, null, 1));
    }
}
