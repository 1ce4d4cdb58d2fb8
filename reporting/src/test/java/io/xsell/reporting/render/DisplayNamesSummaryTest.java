package io.xsell.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.model.DisplayNames;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.service.MetricsService;
import io.xsell.reporting.mail.EmailMessage;
import io.xsell.reporting.mail.SummaryEmail;
import io.xsell.reporting.schedule.Cadence;
import io.xsell.reporting.summary.Summary;
import io.xsell.reporting.summary.SummaryFixture;
import io.xsell.reporting.summary.SummaryRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lines and segment values with display names: the PDF (read back with PDFBox) and the email show
 * the names, never the ids; a line without a name shows its id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisplayNamesSummaryTest {
    private static final DisplayNames NAMES = new DisplayNames(
            Map.of("premium_support", "Premium Support", "core_platform", "Core Platform"),
            Map.of("segment", Map.of("mid_market", "Mid-market", "small_business", "Малый бизнес")));

    private Summary summary;
    private SummaryHtml html;

    static TenantDataset data() {
        TenantDatasetFixture d = TenantDatasetFixture.dataset().reportingCurrency("EUR")
                .product("core", "core_platform", LineKind.CORE)
                .product("support", "premium_support", LineKind.MODULE)
                .product("seats", "extra_seats", LineKind.ADD_ON);
        for (int i = 0; i < 20; i++) {
            String c = "c" + i;
            d.customer(c, "segment", i % 2 == 0 ? "mid_market" : "small_business");
            d.item(c, "core", b -> b.unitAmount("1000.00").currency("EUR").start("2025-01-01"));
        }
        d.item("c1", "support", b -> b.unitAmount("300.00").currency("EUR").start("2026-03-04"))
                .item("c2", "seats", b -> b.unitAmount("50.00").currency("EUR").start("2026-03-12"))
                .item("c4", "support", b -> b.unitAmount("300.00").currency("EUR").start("2026-02-10"));
        return d.build();
    }

    @BeforeAll
    void summarize() {
        TenantDataset data = data();
        summary = SummaryFixture.service(new MetricsService(tenant -> data), tenant -> NAMES)
                .summarize(new SummaryRequest(SummaryFixture.TENANT, "Acme", Cadence.MONTHLY, SummaryFixture.MARCH,
                        SummaryRequest.DEFAULT_SEGMENT_BY));
        html = new SummaryHtml(new JteTemplates(), new Charts(), PaperSize.A4);
    }

    @Test
    void thePdfShowsDisplayNamesNotIds() throws IOException {
        String text = OpenHtmlToPdfRendererTest.text(new OpenHtmlToPdfRenderer(html).render(summary).pdf());

        assertThat(text).contains("Premium Support", "Core Platform", "Mid-market", "Малый бизнес",
                "Penetration of Premium Support", "Cross-sell depends on Premium Support");
        assertThat(text).as("a line without a name keeps its id").contains("extra_seats");
        assertThat(text).doesNotContain("premium_support", "core_platform", "mid_market", "small_business");
    }

    @Test
    void theEmailShowsDisplayNamesNotIds() {
        EmailMessage email = new SummaryEmail(html).compose("<id@xsell>", List.of("cfo@example.com"), summary,
                new byte[] {1}, null);

        assertThat(email.html()).doesNotContain("premium_support", "mid_market");
        assertThat(email.text()).doesNotContain("premium_support", "mid_market");
    }
}
