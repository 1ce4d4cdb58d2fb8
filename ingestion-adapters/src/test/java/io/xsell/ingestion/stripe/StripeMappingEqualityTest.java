package io.xsell.ingestion.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.ingestion.csv.CanonicalCsvImporter;
import io.xsell.ingestion.csv.CanonicalCsvWriter;
import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.stripe.mapping.StripeAccountMapper;
import io.xsell.ingestion.stripe.synthetic.MultiItemCoverage;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StripeMappingEqualityTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);

    static SyntheticStripeAccount account(int customers) {
        TenantDataset generated = SyntheticAccountGenerator.generate(new SyntheticAccountSpec(20261122L, customers,
                LocalDate.of(2025, 7, 1), AS_OF, "USD"));
        return SyntheticStripeAccount.of(generated, AS_OF, 7L);
    }

    /** Each customer's MRR on every day it changes: pinpoints a customer whose history maps differently. */
    static Map<String, String> mrrHistory(MrrLedger ledger, String prefix) {
        Map<String, String> result = new java.util.TreeMap<>();
        for (int c = 0; c < ledger.customerCount(); c++) {
            io.xsell.core.mrr.MrrTimeline timeline = ledger.timeline(c);
            StringBuilder text = new StringBuilder();
            for (int day : timeline.changeDays()) {
                text.append(LocalDate.ofEpochDay(day)).append('=')
                        .append(timeline.mrrOn(day).setScale(4, java.math.RoundingMode.HALF_EVEN)).append(' ');
            }
            result.put(ledger.customer(c).id().substring(prefix.length()), text.toString());
        }
        return result;
    }

    @Test
    void mappedStripeObjectsGiveTheMetricsOfTheCanonicalCsvToTheCent(@TempDir Path dir) throws Exception {
        SyntheticStripeAccount account = account(2000);
        CanonicalCsvWriter.write(account.canonical(), dir);
        TenantDataset csv = new CanonicalCsvImporter().importFolder(dir, "USD");
        TenantDataset stripe = StripeAccountMapper.map(new InMemorySnapshot(account),
                new MappingSettings("stripe:", "USD", Map.of(), csv.rates()));

        MrrLedger csvLedger = MrrLedger.of(csv);
        MrrLedger stripeLedger = MrrLedger.of(stripe);
        Map<String, String> expected = mrrHistory(csvLedger, "");
        Map<String, String> actual = mrrHistory(stripeLedger, "stripe:cus_");
        java.util.List<String> different = expected.keySet().stream()
                .filter(c -> !expected.get(c).equals(actual.get(c)))
                .map(c -> c + "\n  csv    " + expected.get(c) + "\n  stripe " + actual.get(c)).toList();
        assertThat(different).as("customers whose MRR history differs").isEmpty();
        for (Window window : new Window[]{Window.of("2025-11-01", "2026-11-01"), Window.of("2026-07-01", "2026-10-01"),
                Window.of("2025-08-01", "2025-09-01"), Window.of("2026-10-01", "2026-11-01")}) {
            assertThat(RoundedReport.of(CrossSellCalculator.report(stripeLedger, window, "segment")))
                    .as(window.toString())
                    .isEqualTo(RoundedReport.of(CrossSellCalculator.report(csvLedger, window, "segment")));
        }
        assertThat(stripe.customers()).hasSize(csv.customers().size());
        assertThat(stripe.items()).anyMatch(i -> i.trialEnd() != null).anyMatch(i -> i.endDate() != null)
                .anyMatch(i -> i.bundleId() != null).anyMatch(i -> i.discountAmount() != null)
                .anyMatch(i -> i.discountPercent() != null);
        assertThat(stripe.items().stream().map(i -> i.currency()).distinct()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(account.objects(StripeObjectType.COUPON)).extracting(o -> StripeFeatures.field(o.json(), "duration"))
                .contains("forever", "repeating", "once");
        assertThat(account.objects(StripeObjectType.SUBSCRIPTION)).extracting(o -> StripeFeatures.field(o.json(), "status"))
                .contains("active", "canceled", "trialing", "past_due", "unpaid", "paused");
        assertThat(account.objects(StripeObjectType.SUBSCRIPTION))
                .anyMatch(o -> o.json().contains("\"cancel_at_period_end\":true"));
        // default create_prorations: mid-period changes leave proration items, pending or billed on the next invoice
        assertThat(account.objects(StripeObjectType.INVOICE_ITEM))
                .anyMatch(o -> o.json().contains("\"proration\":true") && o.json().contains("\"invoice\":null"))
                .anyMatch(o -> o.json().contains("\"proration\":true") && o.json().contains("\"invoice\":\"in_"));
        assertThat(account.objects(StripeObjectType.INVOICE))
                .noneMatch(o -> o.json().contains("\"billing_reason\":\"subscription_update\""))
                .anyMatch(o -> o.json().contains("\"proration\":true,\"invoice_item\":\"ii_"));
        assertThat(account.objects(StripeObjectType.SUBSCRIPTION_SCHEDULE)).as("seat changes made by schedules")
                .anyMatch(o -> o.json().contains("\"status\":\"active\""))
                .anyMatch(o -> o.json().contains("\"status\":\"released\""));
        assertThat(stripe.charges()).hasSize(csv.charges().size());
        // every multi-item case of issue 12, about 40 customers each, and invoices longer than Stripe embeds
        MultiItemCoverage coverage = account.multiItemCoverage();
        for (MultiItemCoverage.Case kind : MultiItemCoverage.Case.values()) {
            assertThat(coverage.before(kind, Long.MAX_VALUE)).as(kind.name()).isEqualTo(40);
        }
        assertThat(coverage.invoicesOverTenLines()).isGreaterThan(100);
    }
}
