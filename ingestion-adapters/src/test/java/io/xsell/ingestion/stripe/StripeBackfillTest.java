package io.xsell.ingestion.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.ingestion.csv.CanonicalCsvImporter;
import io.xsell.ingestion.csv.CanonicalCsvWriter;
import io.xsell.ingestion.stripe.api.StripeApi;
import io.xsell.ingestion.stripe.api.StripeSettings;
import io.xsell.ingestion.stripe.fake.FakeStripeServer;
import io.xsell.ingestion.stripe.fake.InMemoryStripeMirror;
import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.stripe.mapping.StripeAccountMapper;
import io.xsell.ingestion.stripe.sync.DiscountResolver;
import io.xsell.ingestion.stripe.sync.StripeBackfill;
import io.xsell.ingestion.stripe.sync.StripeRecord;
import io.xsell.ingestion.provider.SyncProgress;
import io.xsell.ingestion.stripe.synthetic.StripeAccountObjects;
import io.xsell.ingestion.stripe.synthetic.StripeFakeObject;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full backfill over HTTP of a 2,000-customer account gives the metrics of its canonical CSV, to
 * the cent, once the discounts its pages name only by id (item-level ones, those of prorations) are
 * fetched, as every rebuild does before mapping.
 */
class StripeBackfillTest {
    static final String KEY = "rk_test_backfill";

    @Test
    void backfillOverHttpEqualsTheCsvImportOfTheSameAccount(@TempDir Path dir) throws Exception {
        SyntheticStripeAccount account = StripeMappingEqualityTest.account(2000);
        CanonicalCsvWriter.write(account.canonical(), dir);
        TenantDataset csv = new CanonicalCsvImporter().importFolder(dir, "USD");
        try (FakeStripeServer stripe = new FakeStripeServer(account, KEY)) {
            StripeApi api = new StripeApi(StripeSettings.defaults(KEY, stripe.baseUrl()).withRate(1000)
                    .withRetries(5, Duration.ofMillis(5), Duration.ofMillis(50)));
            InMemoryStripeMirror mirror = new InMemoryStripeMirror();
            new StripeBackfill(api, mirror, 8, 16, Clock.systemUTC()).run(SyncProgress.NONE);

            long expectedObjects = java.util.Arrays.stream(StripeObjectType.values())
                    .mapToLong(t -> account.objects(t).size()).sum();
            assertThat(mirror.size()).isEqualTo(expectedObjects);
            assertThat(mirror.objectsWritten()).isEqualTo(expectedObjects);
            int requests = stripe.requests();
            List<StripeRecord> discounts = new DiscountResolver(api).missing(mirror, Clock.systemUTC().instant()
                    .getEpochSecond());
            assertThat(discounts).as("item-level discounts, named by id on list pages, fetched")
                    .anyMatch(r -> r.type() == StripeObjectType.DISCOUNT && r.json().contains("\"subscription_item\""));
            assertThat(stripe.requests() - requests).as("retrieves of the objects naming them").isPositive();
            mirror.apply(discounts);
            assertThat(new DiscountResolver(api).missing(mirror, 0)).as("nothing left to fetch").isEmpty();
            TenantDataset synced = StripeAccountMapper.map(mirror, new MappingSettings("stripe:", "USD", Map.of(),
                    csv.rates()));
            assertSameMetrics(synced, csv);
        }
    }

    @Test
    void aDiscountOnlyAPendingProrationNamesIsFetchedWithTheInvoiceItem() throws Exception {
        // a coupon removed from the subscription after a change: only the change's pending proration
        // still names its discount, by id (in discounts and proration_details.discount_amounts)
        String discount = "{\"id\":\"di_gone\",\"object\":\"discount\",\"source\":{\"type\":\"coupon\","
                + "\"coupon\":\"co_gone\"},\"subscription\":\"sub_1\"}";
        String item = "{\"id\":\"ii_1\",\"object\":\"invoiceitem\",\"created\":1767225600,\"proration\":true,"
                + "\"invoice\":null,\"discounts\":[" + discount + "],\"proration_details\":{\"credited_items\":null,"
                + "\"discount_amounts\":[{\"amount\":0,\"discount\":\"di_gone\"}]}}";
        StripeAccountObjects account = type -> type == StripeObjectType.INVOICE_ITEM
                ? List.of(new StripeFakeObject("ii_1", 1767225600L, item)) : List.of();
        try (FakeStripeServer stripe = new FakeStripeServer(account, KEY)) {
            StripeApi api = new StripeApi(StripeSettings.defaults(KEY, stripe.baseUrl()).withRate(1000)
                    .withRetries(5, Duration.ofMillis(5), Duration.ofMillis(50)));
            InMemoryStripeMirror mirror = new InMemoryStripeMirror();
            new StripeBackfill(api, mirror, 1, 1, Clock.systemUTC()).run(SyncProgress.NONE);

            List<StripeRecord> discounts = new DiscountResolver(api).missing(mirror, 1767225600L);

            assertThat(discounts).extracting(StripeRecord::type, StripeRecord::id)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(StripeObjectType.DISCOUNT, "di_gone"));
        }
    }

    static void assertSameMetrics(TenantDataset synced, TenantDataset csv) {
        MrrLedger syncedLedger = MrrLedger.of(synced);
        MrrLedger csvLedger = MrrLedger.of(csv);
        for (Window window : new Window[]{Window.of("2025-11-01", "2026-11-01"), Window.of("2026-07-01", "2026-10-01")}) {
            assertThat(RoundedReport.of(CrossSellCalculator.report(syncedLedger, window, "segment")))
                    .isEqualTo(RoundedReport.of(CrossSellCalculator.report(csvLedger, window, "segment")));
        }
    }
}
