package io.xsell.core.movement;

import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.model.BillingInterval;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One focused case per movement type and per edge case of spec section 3. */
class MovementClassificationTest {

    /** The first customer's movements as "day type line amount" (amount rounded to the cent). */
    private static List<String> movements(TenantDatasetFixture fixture) {
        MrrLedger ledger = MrrLedger.of(fixture.build());
        return ledger.timeline(0).movements().stream()
                .map(m -> m.date() + " " + m.type().code() + " " + ledger.lines().get(m.line()).name() + " "
                        + Decimals.present(m.amount()) + (m.bundleDriven() ? " bundle" : ""))
                .toList();
    }

    @Test
    void firstPaymentIsNewBusiness() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-10")))
                .containsExactly("2025-01-10 new_business A 100.00");
    }

    @Test
    void newBusinessOnTwoLinesAtOnceIsOneMovementPerLine() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-10").holds("c1", "B", "30", "2025-01-10")))
                .containsExactly("2025-01-10 new_business A 100.00", "2025-01-10 new_business B 30.00");
    }

    @Test
    void stoppingEveryLineIsChurn() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-10", "2025-06-10")
                .holds("c1", "B", "20", "2025-02-01", "2025-06-10")))
                .containsExactly("2025-01-10 new_business A 100.00", "2025-02-01 cross_sell B 20.00",
                        "2025-06-10 churn A -100.00", "2025-06-10 churn B -20.00");
    }

    @Test
    void payingAgainAfterChurnIsReactivation() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-01", "2025-03-01")
                .holds("c1", "B", "40", "2025-05-01")))
                .containsExactly("2025-01-01 new_business A 100.00", "2025-03-01 churn A -100.00",
                        "2025-05-01 reactivation B 40.00");
    }

    @Test
    void aNewLineForAPayingCustomerIsCrossSell() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-01").holds("c1", "B", "25", "2025-03-15")))
                .containsExactly("2025-01-01 new_business A 100.00", "2025-03-15 cross_sell B 25.00");
    }

    @Test
    void moreOfAHeldLineIsUpsell() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-01", "2025-04-01")
                .item("c1", "A", b -> b.unitAmount("100").quantity(3).start("2025-04-01"))))
                .containsExactly("2025-01-01 new_business A 100.00", "2025-04-01 upsell A 200.00");
    }

    @Test
    void lessOfAHeldLineIsContraction() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-01", "2025-04-01")
                .holds("c1", "A", "60", "2025-04-01")))
                .containsExactly("2025-01-01 new_business A 100.00", "2025-04-01 contraction A -40.00");
    }

    @Test
    void droppingOneLineWhileKeepingAnotherIsLineChurn() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-01")
                .holds("c1", "B", "30", "2025-01-01", "2025-05-01")))
                .containsExactly("2025-01-01 new_business A 100.00", "2025-01-01 new_business B 30.00",
                        "2025-05-01 line_churn B -30.00");
    }

    @Test
    void trialEndingWhileActiveIsCrossSellOnTheTrialEndDay() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-01")
                .item("c1", "B", b -> b.unitAmount("50").start("2025-02-01").trialEnd("2025-02-15"))))
                .containsExactly("2025-01-01 new_business A 100.00", "2025-02-15 cross_sell B 50.00");
    }

    @Test
    void droppingOneLineAndAddingAnotherOnTheSameDayIsLineChurnPlusCrossSell() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-01")
                .holds("c1", "B", "30", "2025-01-01", "2025-05-01").holds("c1", "C", "45", "2025-05-01")))
                .containsExactly("2025-01-01 new_business A 100.00", "2025-01-01 new_business B 30.00",
                        "2025-05-01 line_churn B -30.00", "2025-05-01 cross_sell C 45.00");
    }

    @Test
    void aFreeItemFollowedByAPaidOneIsNewBusiness() {
        assertThat(movements(dataset().holds("c1", "A", "0", "2025-01-01", "2025-03-01")
                .holds("c1", "A", "100", "2025-03-01")))
                .containsExactly("2025-03-01 new_business A 100.00");
    }

    @Test
    void aFullyDiscountedItemHoldsNothing() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-01")
                .item("c1", "B", b -> b.unitAmount("80").discountPercent("100").start("2025-02-01"))))
                .containsExactly("2025-01-01 new_business A 100.00");
    }

    @Test
    void aPriceChangeOnTheSameLineIsNettedWithinTheDay() {
        // Two items of one line end and two begin on the same day: one net upsell, no churn.
        assertThat(movements(dataset().product("A1", "A", io.xsell.core.model.LineKind.CORE)
                .product("A2", "A", io.xsell.core.model.LineKind.CORE)
                .holds("c1", "A1", "100", "2025-01-01", "2025-06-01")
                .holds("c1", "A2", "50", "2025-06-01")
                .holds("c1", "A1", "70", "2025-06-01")))
                .containsExactly("2025-01-01 new_business A 100.00", "2025-06-01 upsell A 20.00");
    }

    @Test
    void anUnchangedAmountAcrossARenewalIsNoMovement() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-01", "2025-06-01")
                .holds("c1", "A", "100", "2025-06-01")))
                .containsExactly("2025-01-01 new_business A 100.00");
    }

    @Test
    void annualQuarterlyWeeklyAndDailyPricesAreNormalisedToMonths() {
        assertThat(movements(dataset().item("c1", "A", b -> b.unitAmount("1200").interval(BillingInterval.YEAR).start("2025-01-01"))
                .item("c1", "B", b -> b.unitAmount("300").interval(BillingInterval.QUARTER).start("2025-02-01"))
                .item("c1", "C", b -> b.unitAmount("10").interval(BillingInterval.WEEK).start("2025-03-01"))
                .item("c1", "D", b -> b.unitAmount("2").interval(BillingInterval.DAY).start("2025-04-01"))))
                .containsExactly("2025-01-01 new_business A 100.00", "2025-02-01 cross_sell B 100.00",
                        "2025-03-01 cross_sell C 43.33", "2025-04-01 cross_sell D 60.83");
    }

    @Test
    void theFxRateIsLockedAtTheItemsStartSoRateChangesCreateNoMovement() {
        assertThat(movements(dataset().fx("2025-01-01", "EUR", "1.10").fx("2025-03-01", "EUR", "1.25")
                .item("c1", "A", b -> b.unitAmount("100").currency("EUR").start("2025-02-01"))
                .item("c1", "B", b -> b.unitAmount("100").currency("EUR").start("2025-04-01"))))
                .containsExactly("2025-02-01 new_business A 110.00", "2025-04-01 cross_sell B 125.00");
    }

    @Test
    void crossSellOfAnItemSoldInABundleIsBundleDriven() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-01")
                .item("c1", "B", b -> b.unitAmount("30").start("2025-03-01").bundle("suite"))
                .holds("c1", "C", "20", "2025-04-01")))
                .containsExactly("2025-01-01 new_business A 100.00", "2025-03-01 cross_sell B 30.00 bundle",
                        "2025-04-01 cross_sell C 20.00");
    }

    @Test
    void aTrialThatOutlivesItsItemNeverEarns() {
        assertThat(movements(dataset().holds("c1", "A", "100", "2025-01-01")
                .item("c1", "B", b -> b.unitAmount("50").start("2025-02-01").end("2025-02-10").trialEnd("2025-02-14"))))
                .containsExactly("2025-01-01 new_business A 100.00");
    }

    @Test
    void aCustomerWhoseTrialEndsIsNewBusinessOnTheTrialEndDay() {
        assertThat(movements(dataset().item("c1", "A", b -> b.unitAmount("100").start("2025-01-01").trialEnd("2025-01-15"))))
                .containsExactly("2025-01-15 new_business A 100.00");
    }
}
