package io.xsell.core.engagement;

import static io.xsell.core.engagement.EngagementFixture.engagement;
import static io.xsell.core.fixture.TenantDatasetFixture.dataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.engagement.CampaignReport.CampaignResult;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.Decimals;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CampaignReportTest {
    private static final Window YEAR = Window.of("2025-01-01", "2026-01-01");

    /** One customer on the core line from 2024, cross-sold line b (40/month) on 2025-03-10. */
    private static TenantDataset oneCrossSell() {
        return dataset()
                .product("base", "base", LineKind.CORE).product("b", "b", LineKind.MODULE)
                .product("c", "c", LineKind.MODULE)
                .holds("u1", "base", "100", "2024-01-01")
                .holds("u1", "b", "40", "2025-03-10")
                .build();
    }

    private static CampaignReport report(EngagementFixture engagement) {
        return report(engagement, 30);
    }

    private static CampaignReport report(EngagementFixture engagement, int days) {
        TenantDataset data = oneCrossSell();
        return CampaignReport.of(engagement.index(data), data.fxRates(), YEAR, days, 12);
    }

    private static CampaignResult campaign(CampaignReport report, String id) {
        return report.campaigns().stream().filter(c -> c.campaignId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aTouchOnTheAdoptionDayTakesTheCredit() {
        CampaignReport report = report(engagement().campaign("mail", "email", "100", "b")
                .touch("u1", "mail", "2025-03-10"));

        assertThat(campaign(report, "mail").attributedCrossSells()).isEqualTo(1);
        assertThat(campaign(report, "mail").attributedCrossSellMrr()).isEqualByComparingTo("40");
        assertThat(report.attributedCrossSellMrr()).isEqualByComparingTo("40");
        assertThat(report.unattributedCrossSellMrr()).isEqualByComparingTo("0");
    }

    @Test
    void aTouchAfterTheAdoptionTakesNoCredit() {
        CampaignReport report = report(engagement().campaign("mail", "email", "100", "b")
                .touch("u1", "mail", "2025-03-11"));

        assertThat(campaign(report, "mail").attributedCrossSells()).isZero();
        assertThat(report.attributedCrossSellMrr()).isEqualByComparingTo("0");
        assertThat(report.unattributedCrossSellMrr()).isEqualByComparingTo("40");
        assertThat(campaign(report, "mail").touchedCustomers()).as("still a touch in the window").isEqualTo(1);
    }

    @Test
    void theWindowIncludesItsThirtiethDayAndNotTheThirtyFirst() {
        // 2025-03-10 minus 30 days is 2025-02-08
        assertThat(campaign(report(engagement().campaign("mail", "email", "100", "b")
                .touch("u1", "mail", "2025-02-08")), "mail").attributedCrossSells()).isEqualTo(1);
        assertThat(campaign(report(engagement().campaign("mail", "email", "100", "b")
                .touch("u1", "mail", "2025-02-07")), "mail").attributedCrossSells()).isZero();
        assertThat(campaign(report(engagement().campaign("mail", "email", "100", "b")
                .touch("u1", "mail", "2025-02-07"), 31), "mail").attributedCrossSells()).as("configurable").isEqualTo(1);
    }

    @Test
    void ofTwoCampaignsTheLatestEligibleTouchWins() {
        CampaignReport report = report(engagement()
                .campaign("mail", "email", "100", "b")
                .campaign("prompt", "in_app", "50", null)
                .campaign("other", "csm", "10", "c")
                .touch("u1", "mail", "2025-03-01")
                .touch("u1", "prompt", "2025-03-05")
                .touch("u1", "other", "2025-03-08")); // later, but targets another line

        assertThat(campaign(report, "prompt").attributedCrossSellMrr()).isEqualByComparingTo("40");
        assertThat(campaign(report, "mail").attributedCrossSells()).isZero();
        assertThat(campaign(report, "other").attributedCrossSells()).isZero();
    }

    @Test
    void touchesOnTheSameDayCreditTheOneListedLast() {
        CampaignReport report = report(engagement()
                .campaign("mail", "email", "100", "b")
                .campaign("prompt", "in_app", "50", null)
                .touch("u1", "prompt", "2025-03-09")
                .touch("u1", "mail", "2025-03-09"));

        assertThat(campaign(report, "mail").attributedCrossSells()).isEqualTo(1);
        assertThat(campaign(report, "prompt").attributedCrossSells()).isZero();
    }

    @Test
    void incrementalRevenueIsTwelveMonthsOfAttributedMrrAndRoiWeighsItAgainstCost() {
        CampaignReport report = report(engagement().campaign("mail", "email", "1000", "b")
                .touch("u1", "mail", "2025-03-01"));

        CampaignResult mail = campaign(report, "mail");
        assertThat(mail.incrementalRevenue()).isEqualByComparingTo("480");
        assertThat(mail.cost()).isEqualByComparingTo("1000");
        // (480 - 1000) / 1000 * 100
        assertThat(Decimals.present(mail.roiPct())).isEqualByComparingTo("-52.00");
    }

    @Test
    void aFreeCampaignHasNoRoiAndIsNoError() {
        CampaignReport report = report(engagement().campaign("prompt", "in_app", "0", null)
                .touch("u1", "prompt", "2025-03-01"));

        CampaignResult prompt = campaign(report, "prompt");
        assertThat(prompt.cost()).isEqualByComparingTo("0");
        assertThat(prompt.incrementalRevenue()).isEqualByComparingTo("480");
        assertThat(prompt.roiPct()).isNull();
    }

    @Test
    void aCostInACurrencyWithoutRateHasNoRoi() {
        CampaignResult eur = campaign(report(engagement().campaign("eur", "email", "10", "EUR", null)
                .touch("u1", "eur", "2025-03-01")), "eur");

        assertThat(eur.cost()).isNull();
        assertThat(eur.roiPct()).isNull();
        assertThat(eur.attributedCrossSellMrr()).isEqualByComparingTo("40");
    }

    @Test
    void upliftComparesTouchedAndUntouchedCustomersOfTheStartingCohort() {
        var billing = dataset().product("base", "base", LineKind.CORE).product("b", "b", LineKind.MODULE);
        for (String c : new String[] {"x1", "x2", "x3", "x4", "u1", "u2", "u3", "u4", "u5", "u6"}) {
            billing.holds(c, "base", "100", "2024-01-01");
        }
        billing.holds("x1", "b", "10", "2025-05-01").holds("x2", "b", "10", "2025-06-01")
                .holds("u1", "b", "10", "2025-07-01")
                .holds("late", "base", "100", "2025-02-01"); // not in the starting cohort: left out
        TenantDataset data = billing.build();
        EngagementFixture engagement = engagement().campaign("mail", "email", "100", "b");
        for (String c : new String[] {"x1", "x2", "x3", "x4", "late"}) {
            engagement.touch(c, "mail", "2025-04-15");
        }
        engagement.touch("u2", "mail", "2024-12-31"); // before the window: unexposed in it

        CampaignReport report = CampaignReport.of(engagement.index(data), data.fxRates(), YEAR, 30, 12);

        // exposed 2 of 4 (50 %), unexposed 1 of 6 (16.67 %); Newcombe hybrid score 95 % interval of the
        // difference, by hand: Wilson(2/4) = [0.1500, 0.8500], Wilson(1/6) = [0.0301, 0.5635];
        // L = 0.3333 - sqrt((0.5 - 0.1500)^2 + (0.5635 - 0.1667)^2) = -0.1958,
        // U = 0.3333 + sqrt((0.8500 - 0.5)^2 + (0.1667 - 0.0301)^2) = 0.7090
        Uplift uplift = report.uplift();
        assertThat(uplift.exposedCustomers()).isEqualTo(4);
        assertThat(uplift.exposedConverted()).isEqualTo(2);
        assertThat(uplift.unexposedCustomers()).isEqualTo(6);
        assertThat(uplift.unexposedConverted()).isEqualTo(1);
        assertThat(Decimals.present(uplift.exposedRatePct())).isEqualByComparingTo("50.00");
        assertThat(Decimals.present(uplift.unexposedRatePct())).isEqualByComparingTo("16.67");
        assertThat(Decimals.present(uplift.upliftPctPoints())).isEqualByComparingTo("33.33");
        assertThat(Decimals.present(uplift.ciLowPctPoints())).isEqualByComparingTo("-19.58");
        assertThat(Decimals.present(uplift.ciHighPctPoints())).isEqualByComparingTo("70.90");
        assertThat(uplift.significant()).isFalse();
        assertThat(campaign(report, "mail").uplift()).isEqualTo(uplift);
        assertThat(campaign(report, "mail").touchedCustomers()).isEqualTo(5);
    }

    @Test
    void withoutCampaignsNothingIsAttributedAndTheUpliftHasNoExposedGroup() {
        CampaignReport report = report(engagement());

        assertThat(report.campaigns()).isEmpty();
        assertThat(report.crossSellMrr()).isEqualByComparingTo("40");
        assertThat(report.unattributedCrossSellMrr()).isEqualByComparingTo("40");
        assertThat(report.uplift().exposedCustomers()).isZero();
        assertThat(report.uplift().upliftPctPoints()).isNull();
        assertThat(report.uplift().significant()).isNull();
    }

    @Test
    void rejoiningTheSameLedgerWithNewDataAnswersLikeAFreshJoin() {
        TenantDataset data = oneCrossSell();
        EngagementIndex first = engagement().campaign("mail", "email", "100", "b").index(data);
        EngagementFixture more = engagement().campaign("mail", "email", "100", "b").touch("u1", "mail", "2025-03-01");

        EngagementIndex rejoined = first.with(more.data());

        assertThat(rejoined.ledger()).isSameAs(first.ledger());
        assertThat(CampaignReport.of(rejoined, data.fxRates(), YEAR, 30, 12))
                .isEqualTo(CampaignReport.of(EngagementIndex.of(first.ledger(), more.data()), data.fxRates(), YEAR, 30, 12));
        assertThat(CampaignReport.of(rejoined, data.fxRates(), YEAR, 30, 12).attributedCrossSellMrr())
                .isEqualByComparingTo("40");
    }

    @Test
    void rejectsNegativeWindowsAndHorizons() {
        TenantDataset data = oneCrossSell();
        EngagementIndex index = engagement().index(data);
        assertThatThrownBy(() -> CampaignReport.of(index, data.fxRates(), YEAR, -1, 12))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CampaignReport.of(index, data.fxRates(), YEAR, 30, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
