package io.xsell.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.analytics.AttachConcentration;
import io.xsell.core.analytics.AttachedCohortRetention;
import io.xsell.core.analytics.BasketAnalysis;
import io.xsell.core.analytics.ChurnRiskCorrelation;
import io.xsell.core.analytics.LifetimeValue;
import io.xsell.core.analytics.ProductsPerCustomerTrajectory;
import io.xsell.core.analytics.TimeToAdoption;
import io.xsell.core.insights.InsightEngine;
import io.xsell.core.propensity.PropensityReport;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.port.in.BasketQuery;
import io.xsell.core.port.in.ChurnRiskQuery;
import io.xsell.core.port.in.CohortRetentionQuery;
import io.xsell.core.port.in.InsightsQuery;
import io.xsell.core.port.in.LifetimeValueQuery;
import io.xsell.core.port.in.ProductsPerCustomerQuery;
import io.xsell.core.port.in.PropensityQuery;
import io.xsell.core.port.in.TimeToAdoptionQuery;
import io.xsell.core.propensity.GradientDescentTrainer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class AnalyticsServiceTest {
    private static final TenantId TENANT = new TenantId("t1");
    private static final Window YEAR = Window.of("2025-01-01", "2026-01-01");

    private static TenantDataset data() {
        return io.xsell.core.fixture.TenantDatasetFixture.dataset()
                .holds("a", "A", "100", "2024-06-01").holds("a", "B", "40", "2025-03-01")
                .holds("b", "A", "100", "2024-06-01", "2025-08-01")
                .holds("c", "A", "100", "2024-06-01").holds("c", "C", "30", "2025-05-01")
                .build();
    }

    /** Every analytic is the engine's answer on the ledger the metrics already priced: no second pricing. */
    @Test
    void everyAnalyticIsTheEnginesAnswerOnTheSharedLedger() {
        TenantDataset data = data();
        MetricsService metrics = new MetricsService(tenant -> data);
        GradientDescentTrainer trainer = new GradientDescentTrainer();
        AnalyticsService analytics = new AnalyticsService(metrics, trainer);
        MrrLedger ledger = metrics.ledger(TENANT);
        MrrLedger fresh = MrrLedger.of(data);

        assertThat(analytics.basket(new BasketQuery(TENANT, LocalDate.parse("2025-12-31"))))
                .isEqualTo(BasketAnalysis.on(fresh, LocalDate.parse("2025-12-31")));
        assertThat(analytics.timeToAdoption(new TimeToAdoptionQuery(TENANT, YEAR))).isEqualTo(TimeToAdoption.of(fresh, YEAR));
        assertThat(analytics.churnRisk(new ChurnRiskQuery(TENANT, YEAR))).isEqualTo(ChurnRiskCorrelation.of(fresh, YEAR));
        assertThat(analytics.cohortRetention(new CohortRetentionQuery(TENANT, YearMonth.of(2025, 3))))
                .isEqualTo(AttachedCohortRetention.of(fresh, YearMonth.of(2025, 3)));
        var ppc = analytics.productsPerCustomer(new ProductsPerCustomerQuery(TENANT, YEAR));
        assertThat(ppc.trajectory()).isEqualTo(ProductsPerCustomerTrajectory.of(fresh, YEAR));
        assertThat(ppc.concentration()).isEqualTo(AttachConcentration.of(fresh, YEAR));
        assertThat(analytics.lifetimeValue(new LifetimeValueQuery(TENANT, YEAR, new BigDecimal("0.7"))))
                .isEqualTo(LifetimeValue.of(fresh, data, YEAR, new BigDecimal("0.7")));
        assertThat(analytics.insights(new InsightsQuery(TENANT, YEAR, null)))
                .isEqualTo(InsightEngine.answer(fresh, YEAR, null));
        var propensity = analytics.propensity(new PropensityQuery(TENANT, LocalDate.parse("2025-12-31"), 90, 2, null,
                null, 5));
        assertThat(propensity.lines()).extracting(l -> l.line()).containsExactly("A", "B", "C");
        // training cutoffs 2025-04-04 and 2025-07-03: only C (2025-05-01) is adopted within a horizon,
        // by far fewer than 30 customers: no line has the data for a model, none is fitted
        assertThat(propensity.lines()).extracting(l -> l.status()).doesNotContain(PropensityReport.OK);
        assertThat(trainer.seen).isEmpty();

        assertThat(metrics.ledger(TENANT)).as("priced once for all of the above").isSameAs(ledger);
    }

    @Test
    void queriesRefuseWhatCannotBeAnswered() {
        assertThatThrownBy(() -> new LifetimeValueQuery(TENANT, YEAR, new BigDecimal("80")))
                .hasMessageContaining("gross_margin must be between 0 and 1");
        assertThatThrownBy(() -> new PropensityQuery(TENANT, LocalDate.parse("2025-12-31"), 3, 4, null, null, 10))
                .hasMessageContaining("horizon_days");
        assertThatThrownBy(() -> new PropensityQuery(TENANT, LocalDate.parse("2025-12-31"), 90, 0, null, null, 10))
                .hasMessageContaining("train_cutoffs");
        assertThatThrownBy(() -> new PropensityQuery(TENANT, LocalDate.parse("2025-12-31"), 90, 4, null, null, 1001))
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> new PropensityQuery(TENANT, LocalDate.parse("2025-12-31"), 90, 4, " ", null, 10))
                .hasMessageContaining("segment_by");
        assertThatThrownBy(() -> new InsightsQuery(TENANT, YEAR, "")).hasMessageContaining("segment_by");
    }
}
