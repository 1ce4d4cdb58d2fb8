package io.xsell.ingestion.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import io.xsell.ingestion.stripe.mapping.StripeAmounts;
import io.xsell.ingestion.stripe.sync.DiscountResolver;
import io.xsell.ingestion.stripe.sync.InvoiceLines;
import io.xsell.ingestion.stripe.sync.StripeEvents;
import io.xsell.ingestion.stripe.sync.StripeRecords;
import io.xsell.ingestion.stripe.synthetic.MultiItemCoverage;
import io.xsell.ingestion.stripe.synthetic.StripeAccountObjects;
import io.xsell.ingestion.stripe.synthetic.StripeFakeEvent;
import io.xsell.ingestion.stripe.synthetic.StripeFakeObject;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same 2,000-customer account reaches xsell by every route: a backfill that reads the account
 * as it stood at a cut-off instant (subscriptions with the quantities, status and discounts they had
 * then, invoices of the periods begun by then, proration items still pending), then everything that
 * happened after it as the events Stripe publishes (pretty-printed, discounts named by id only,
 * {@code previous_attributes} on updates, invoices created, finalized and paid, pending prorations,
 * cancellations), in order (Events API), delivered twice and partly out of order (webhooks), or a
 * mix of both. Windows that end before the cut-off equal the CSV import right after the backfill and
 * still after every event: history does not move. Every window equals it once the events are in.
 */
class StripePathsEqualityTest {
    static final String KEY = "rk_test_paths";
    static final LocalDate CUT_OFF = LocalDate.of(2026, 6, 1);
    static final Window[] WINDOWS = {Window.of("2025-11-01", "2026-11-01"), Window.of("2026-07-01", "2026-10-01"),
            Window.of("2026-10-01", "2026-11-01"), Window.of("2025-08-01", "2025-09-01"),
            Window.of("2025-11-01", "2026-05-01"), Window.of("2026-01-01", "2026-06-01")};
    /** The windows that end by the cut-off: a backfill at the cut-off already knows all of them. */
    static final Window[] PAST = {Window.of("2025-08-01", "2025-09-01"), Window.of("2025-11-01", "2026-05-01"),
            Window.of("2026-01-01", "2026-06-01")};

    static SyntheticStripeAccount account;
    static TenantDataset csv;
    static Map<String, String> expected;
    static Map<String, String> expectedPast;

    @BeforeAll
    static void account(@TempDir Path dir) throws Exception {
        account = StripeMappingEqualityTest.account(2000);
        CanonicalCsvWriter.write(account.canonical(), dir);
        csv = new CanonicalCsvImporter().importFolder(dir, "USD");
        expected = reports(csv, WINDOWS);
        expectedPast = reports(csv, PAST);
    }

    @Test
    void backfillThenEventsApiEqualsTheCsvImport() throws Exception {
        assertRoute(events -> events, 1);
    }

    @Test
    void backfillThenWebhooksTwiceAndOutOfOrderEqualsTheCsvImport() throws Exception {
        assertRoute(StripePathsEqualityTest::webhookDeliveries, 2);
    }

    @Test
    void backfillThenAMixOfEventsApiAndWebhooksEqualsTheCsvImport() throws Exception {
        assertRoute(events -> {
            List<String> webhooks = webhookDeliveries(events.subList(0, events.size() / 2));
            List<String> mixed = new ArrayList<>(webhooks);
            mixed.addAll(events); // the Events API then delivers everything, the webhooks' events again
            return mixed;
        }, 1);
    }

    @Test
    void everyMultiItemCaseHappensBothBeforeTheCutOffAndAfterIt() {
        MultiItemCoverage coverage = account.multiItemCoverage();
        long cutOff = StripeAmounts.epoch(CUT_OFF);
        for (MultiItemCoverage.Case kind : MultiItemCoverage.Case.values()) {
            // the backfill reads the first, events and webhooks bring the others
            assertThat(coverage.before(kind, cutOff)).as(kind.name()).isGreaterThanOrEqualTo(5);
            assertThat(coverage.atOrAfter(kind, cutOff)).as(kind.name()).isGreaterThanOrEqualTo(20);
        }
        // invoices longer than the ten lines Stripe embeds, read by the backfill and published as events
        assertThat(account.asOf(cutOff).objects(StripeObjectType.INVOICE))
                .anyMatch(o -> JsonParser.parseString(o.json()).getAsJsonObject().getAsJsonObject("lines")
                        .getAsJsonArray("data").size() > FakeStripeServer.EMBEDDED_LINES);
        assertThat(account.eventsFrom(cutOff)).filteredOn(e -> e.type().equals("invoice.created"))
                .anyMatch(e -> JsonParser.parseString(FakeStripeServer.eventJson(e)).getAsJsonObject()
                        .getAsJsonObject("data").getAsJsonObject("object").getAsJsonObject("lines")
                        .get("has_more").getAsBoolean());
    }

    @Test
    void theEventsAreTheOnesStripeDocumentsForEachChange() {
        List<StripeFakeEvent> events = account.eventsFrom(StripeAmounts.epoch(CUT_OFF));
        assertThat(events).extracting(StripeFakeEvent::type).contains("customer.subscription.created",
                "customer.subscription.updated", "customer.subscription.deleted", "invoice.created",
                "invoice.finalized", "invoice.paid", "invoiceitem.created", "invoiceitem.updated", "customer.created", "subscription_schedule.created",
                "subscription_schedule.updated", "subscription_schedule.released");
        // a seat change: previous_attributes holds the items list as it was, with the old quantity
        assertThat(events).anyMatch(e -> e.type().equals("customer.subscription.updated")
                && e.previousAttributes().has("items")
                && !e.previousAttributes().getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject()
                .get("quantity").equals(JsonParser.parseString(e.objectJson()).getAsJsonObject()
                        .getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject().get("quantity")));
        // a proration left pending by create_prorations, billed on the next invoice
        assertThat(events).anyMatch(e -> e.type().equals("invoiceitem.created")
                && e.objectJson().contains("\"proration\":true") && e.objectJson().contains("\"invoice\":null"));
        String published = FakeStripeServer.eventJson(events.stream()
                .filter(e -> e.type().equals("customer.subscription.updated") && e.objectJson().contains("\"di_"))
                .findFirst().orElseThrow());
        assertThat(published).as("pretty-printed, discounts by id").contains("\"discounts\": [\n        \"di_")
                .contains("\"previous_attributes\": {");
    }

    private interface Route {
        List<String> deliveries(List<String> events);
    }

    private void assertRoute(Route route, int minimumDeliveriesPerEvent) throws Exception {
        long cutOff = StripeAmounts.epoch(CUT_OFF);
        InMemoryStripeMirror mirror = new InMemoryStripeMirror();
        StripeAccountObjects then = account.asOf(cutOff);
        for (StripeObjectType type : StripeObjectType.values()) {
            for (StripeFakeObject object : then.objects(type)) {
                // a backfill page: the object as listed, discounts expanded
                mirror.apply(StripeRecords.of(type, JsonParser.parseString(object.json()).getAsJsonObject(), cutOff));
            }
        }
        assertThat(reports(map(mirror), PAST)).as("right after the backfill").isEqualTo(expectedPast);

        List<String> events = account.eventsFrom(cutOff).stream().map(FakeStripeServer::eventJson).toList();
        List<String> deliveries = route.deliveries(events);
        assertThat(deliveries.size()).isGreaterThanOrEqualTo(events.size() * minimumDeliveriesPerEvent);
        try (FakeStripeServer stripe = new FakeStripeServer(account, KEY)) {
            StripeApi api = new StripeApi(StripeSettings.defaults(KEY, stripe.baseUrl()).withRate(1000)
                    .withRetries(5, Duration.ofMillis(5), Duration.ofMillis(50)));
            int completed = 0;
            for (String delivery : deliveries) {
                JsonObject event = JsonParser.parseString(delivery).getAsJsonObject();
                JsonObject object = event.getAsJsonObject("data").getAsJsonObject("object");
                if (object.has("lines") && object.getAsJsonObject("lines").get("has_more").getAsBoolean()) {
                    // an event shows ten lines of an invoice, as Stripe does: the rest come from its lines
                    // endpoint (the server completes such an event from the Events API before applying it)
                    InvoiceLines.complete(api, object);
                    completed++;
                }
                mirror.apply(StripeEvents.records(event));
            }
            assertThat(completed).as("invoices of more than ten lines arrive by events").isPositive();
            var discounts = new DiscountResolver(api).missing(mirror, cutOff);
            assertThat(discounts).as("discounts first seen on events are fetched").isNotEmpty();
            mirror.apply(discounts);
        }
        TenantDataset synced = map(mirror);
        assertThat(reports(synced, WINDOWS)).isEqualTo(expected);
    }

    /** Each event delivered twice; the second round in reverse, the first with neighbours swapped. */
    static List<String> webhookDeliveries(List<String> events) {
        List<String> first = new ArrayList<>(events);
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i + 1 < first.size(); i += 2) {
            if (random.nextBoolean()) {
                Collections.swap(first, i, i + 1);
            }
        }
        List<String> second = new ArrayList<>(events);
        Collections.reverse(second);
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static TenantDataset map(InMemoryStripeMirror mirror) {
        return StripeAccountMapper.map(mirror, new MappingSettings("stripe:", "USD", Map.of(), csv.rates()));
    }

    private static Map<String, String> reports(TenantDataset dataset, Window[] windows) {
        MrrLedger ledger = MrrLedger.of(dataset);
        Map<String, String> reports = new LinkedHashMap<>();
        for (Window window : windows) {
            reports.put(window.toString(), RoundedReport.of(CrossSellCalculator.report(ledger, window, "segment")));
        }
        return reports;
    }
}
