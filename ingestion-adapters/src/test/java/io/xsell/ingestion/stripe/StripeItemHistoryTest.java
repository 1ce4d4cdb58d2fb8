package io.xsell.ingestion.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.stripe.fake.FakeStripeServer;
import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.stripe.mapping.StripeAccountMapper;
import io.xsell.ingestion.stripe.mapping.StripeAmounts;
import io.xsell.ingestion.stripe.sync.StripeEvents;
import io.xsell.ingestion.stripe.sync.StripeRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The defects of issue 12, each on hand-written Stripe objects shaped as the API reference
 * documents them, and each through the records a backfill page or an event stores.
 */
class StripeItemHistoryTest {
    /** The mirror: newest version of each record kept, as the store does. */
    private final Map<StripeObjectType, Map<String, StripeRecord>> mirror = new EnumMap<>(StripeObjectType.class);

    private void put(StripeRecord record) {
        Map<String, StripeRecord> byId = mirror.computeIfAbsent(record.type(), t -> new TreeMap<>());
        StripeRecord stored = byId.get(record.id());
        if (stored == null || stored.version() <= record.version()) {
            byId.put(record.id(), record);
        }
    }

    private void backfilled(StripeObjectType type, String json, long readAt) {
        io.xsell.ingestion.stripe.sync.StripeRecords.of(type, object(json), readAt).forEach(this::put);
    }

    private void event(String id, String type, long created, String objectJson, String previousAttributes) {
        JsonObject event = object(FakeStripeServer.eventJson(id, type, created, objectJson.replace('\'', '"'),
                previousAttributes == null ? null : object(previousAttributes)));
        StripeEvents.records(event).forEach(this::put);
    }

    private static JsonObject object(String json) {
        return JsonParser.parseString(json.replace('\'', '"')).getAsJsonObject();
    }

    private List<RecurringItem> items() {
        return map().items();
    }

    private TenantDataset map() {
        return StripeAccountMapper.map((type, consumer) -> mirror.getOrDefault(type, Map.of()).values().stream()
                        .filter(r -> !r.deleted()).forEach(r -> consumer.accept(r.json())),
                new MappingSettings("stripe:", "USD", Map.of(), List.of()));
    }

    private static long t(String day) {
        return StripeAmounts.epoch(LocalDate.parse(day));
    }

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    private void catalog() {
        backfilled(StripeObjectType.CUSTOMER, "{'id':'cus_1','object':'customer','created':" + t("2025-01-01")
                + ",'name':'Acme','metadata':{}}", t("2026-01-01"));
        for (String product : new String[]{"core", "addon"}) {
            backfilled(StripeObjectType.PRODUCT, "{'id':'prod_" + product + "','object':'product','name':'" + product
                    + "','metadata':{'product_line':'" + product + "'}}", t("2026-01-01"));
        }
        backfilled(StripeObjectType.PRICE, price("price_core", "prod_core", 10000), t("2026-01-01"));
        backfilled(StripeObjectType.PRICE, price("price_addon", "prod_addon", 5000), t("2026-01-01"));
        backfilled(StripeObjectType.COUPON, "{'id':'co_20','object':'coupon','percent_off':20,'duration':'forever'}",
                t("2026-01-01"));
        backfilled(StripeObjectType.COUPON, "{'id':'co_30usd','object':'coupon','amount_off':3000,'currency':'usd',"
                + "'duration':'forever'}", t("2026-01-01"));
    }

    private static String price(String id, String product, long cents) {
        return "{'id':'" + id + "','object':'price','currency':'usd','product':'" + product + "','unit_amount':" + cents
                + ",'unit_amount_decimal':'" + cents + "','recurring':{'interval':'month','interval_count':1,"
                + "'usage_type':'licensed'}}";
    }

    private static String item(String id, String price, long quantity, String created, String metadata) {
        return "{'id':'" + id + "','object':'subscription_item','created':" + t(created) + ",'price':{'id':'" + price
                + "','object':'price'},'quantity':" + quantity + ",'subscription':'sub_1','discounts':[],"
                + "'current_period_start':" + t("2026-03-01") + ",'current_period_end':" + t("2026-04-01")
                + ",'metadata':" + metadata + "}";
    }

    private static String subscription(String status, String discounts, String... items) {
        return "{'id':'sub_1','object':'subscription','customer':'cus_1','status':'" + status + "','start_date':"
                + t("2026-01-01") + ",'discounts':" + discounts + ",'metadata':{},"
                + ("canceled".equals(status) ? "'ended_at':" + t("2026-05-10") + "," : "")
                + "'items':{'object':'list','has_more':false,'data':[" + String.join(",", items) + "]}}";
    }

    private static String line(String item, String price, String start, String end, long quantity, long amount,
                               boolean proration, String discountAmounts) {
        return "{'id':'il_" + item + start + amount + "','object':'line_item','amount':" + amount + ",'currency':'usd',"
                + "'period':{'start':" + t(start) + ",'end':" + t(end) + "},'quantity':" + quantity
                + ",'pricing':{'type':'price_details','price_details':{'price':'" + price + "','product':'prod_x'}},"
                + "'parent':{'type':'subscription_item_details','subscription_item_details':{'subscription':'sub_1',"
                + "'subscription_item':'" + item + "','proration':" + proration + ",'invoice_item':null}},"
                + "'discount_amounts':" + discountAmounts + "}";
    }

    private void invoice(String id, String created, String... lines) {
        backfilled(StripeObjectType.INVOICE, "{'id':'" + id + "','object':'invoice','customer':'cus_1','status':'paid',"
                + "'created':" + t(created) + ",'discounts':[],'lines':{'object':'list','has_more':false,'data':["
                + String.join(",", lines) + "]}}", t("2026-04-15"));
    }

    private void monthlyCoreInvoices(String discountAmounts) {
        invoice("in_1", "2026-01-01", line("si_core", "price_core", "2026-01-01", "2026-02-01", 1, 10000, false, discountAmounts));
        invoice("in_2", "2026-02-01", line("si_core", "price_core", "2026-02-01", "2026-03-01", 1, 10000, false, discountAmounts));
        invoice("in_3", "2026-03-01", line("si_core", "price_core", "2026-03-01", "2026-04-01", 1, 10000, false, discountAmounts));
    }

    @Test
    void anItemAddedMidPeriodCountsFromItsPendingProrationNotFromTheSubscriptionsStart() {
        catalog();
        monthlyCoreInvoices("[]");
        backfilled(StripeObjectType.SUBSCRIPTION, subscription("active", "[]",
                item("si_core", "price_core", 1, "2026-01-01", "{}"),
                item("si_addon", "price_addon", 1, "2026-03-12", "{}")), t("2026-03-20"));
        // Stripe's default create_prorations: the remaining time is a pending invoice item
        backfilled(StripeObjectType.INVOICE_ITEM, "{'id':'ii_1','object':'invoiceitem','customer':'cus_1','amount':3226,"
                + "'currency':'usd','date':" + t("2026-03-12") + ",'proration':true,'invoice':null,'quantity':1,"
                + "'period':{'start':" + t("2026-03-12") + ",'end':" + t("2026-04-01") + "},"
                + "'pricing':{'type':'price_details','price_details':{'price':'price_addon','product':'prod_addon'}},"
                + "'parent':{'type':'subscription_details','subscription_details':{'subscription':'sub_1',"
                + "'subscription_item':'si_addon'}}}", t("2026-03-20"));

        assertThat(items()).filteredOn(i -> i.productId().equals("stripe:prod_addon"))
                .extracting(RecurringItem::startDate, RecurringItem::endDate).containsExactly(tuple(d("2026-03-12"), null));
        assertThat(map().charges()).as("a proration is no one-time charge").isEmpty();
    }

    @Test
    void anItemAddedWithoutProrationsCountsFromItsCreatedTime() {
        catalog();
        monthlyCoreInvoices("[]");
        backfilled(StripeObjectType.SUBSCRIPTION, subscription("active", "[]",
                item("si_core", "price_core", 1, "2026-01-01", "{}"),
                item("si_addon", "price_addon", 1, "2026-03-12", "{}")), t("2026-03-20"));

        assertThat(items()).filteredOn(i -> i.productId().equals("stripe:prod_addon"))
                .extracting(RecurringItem::startDate).containsExactly(d("2026-03-12"));
    }

    @Test
    void aSeatIncreaseCountsOnTheDayOfItsEventWhateverOrderAndHowOftenEventsArrive() {
        catalog();
        monthlyCoreInvoices("[]");
        backfilled(StripeObjectType.SUBSCRIPTION, subscription("active", "[]",
                item("si_core", "price_core", 1, "2026-01-01", "{}")), t("2026-03-05"));
        List<RecurringItem> before = items();

        String three = subscription("active", "[]", item("si_core", "price_core", 3, "2026-01-01", "{}"));
        String five = subscription("active", "[]", item("si_core", "price_core", 5, "2026-01-01", "{}"));
        String previousOne = "{'items':{'object':'list','data':[" + item("si_core", "price_core", 1, "2026-01-01", "{}") + "]}}";
        String previousThree = "{'items':{'object':'list','data':[" + item("si_core", "price_core", 3, "2026-01-01", "{}") + "]}}";
        List<Runnable> deliveries = new ArrayList<>(List.of(
                () -> event("evt_3", "customer.subscription.updated", t("2026-03-10") + 3600, three, previousOne),
                () -> event("evt_5", "customer.subscription.updated", t("2026-03-20") + 3600, five, previousThree)));
        // the newer first, then both again
        Collections.reverse(deliveries);
        deliveries.forEach(Runnable::run);
        deliveries.forEach(Runnable::run);

        List<RecurringItem> after = items();
        assertThat(after).extracting(RecurringItem::startDate, RecurringItem::endDate, RecurringItem::quantity)
                .containsExactly(tuple(d("2026-01-01"), d("2026-03-10"), BigDecimal.ONE),
                        tuple(d("2026-03-10"), d("2026-03-20"), BigDecimal.valueOf(3)),
                        tuple(d("2026-03-20"), null, BigDecimal.valueOf(5)));
        assertThat(before).extracting(RecurringItem::startDate).containsExactly(d("2026-01-01"));
    }

    /** A subscription schedule as the API reference shows it: phases with their items, the current phase. */
    private static String schedule(String status, String currentPhaseStart, String... phases) {
        return "{'id':'sub_sched_1','object':'subscription_schedule','application':null,"
                + "'billing_mode':{'type':'flexible'},'canceled_at':null,'completed_at':null,'created':"
                + t("2026-01-01") + ",'current_phase':" + (currentPhaseStart == null ? "null"
                : "{'start_date':" + t(currentPhaseStart) + ",'end_date':" + t("2026-06-01") + "}")
                + ",'customer':'cus_1','default_settings':{'billing_cycle_anchor':'automatic',"
                + "'collection_method':'charge_automatically','invoice_settings':{'issuer':{'type':'self'}}},"
                + "'end_behavior':'release','livemode':false,'metadata':{},'phases':[" + String.join(",", phases)
                + "],'released_at':null,'released_subscription':null,'status':'" + status + "',"
                + "'subscription':'sub_1','test_clock':null}";
    }

    private static String phase(String start, String end, String price, long quantity, String proration) {
        return "{'add_invoice_items':[],'application_fee_percent':null,'billing_cycle_anchor':null,"
                + "'collection_method':null,'currency':'usd','default_payment_method':null,'default_tax_rates':[],"
                + "'description':null,'discounts':[],'end_date':" + t(end) + ",'invoice_settings':null,"
                + "'items':[{'discounts':[],'metadata':{},'price':'" + price + "','quantity':" + quantity
                + ",'tax_rates':[]}],'metadata':{},'on_behalf_of':null,'proration_behavior':'" + proration + "',"
                + "'start_date':" + t(start) + ",'transfer_data':null,'trial_end':null}";
    }

    @Test
    void aSchedulesPhaseDatesTheSeatChangeItMadeOnItsStartDayByBackfillOrEvent() {
        catalog();
        monthlyCoreInvoices("[]");
        String item = "{'id':'si_core','object':'subscription_item','created':" + t("2026-01-01")
                + ",'price':{'id':'price_core','object':'price','product':'prod_core'},'quantity':4,"
                + "'subscription':'sub_1','discounts':[],'current_period_start':" + t("2026-03-01")
                + ",'current_period_end':" + t("2026-04-01") + ",'metadata':{}}";
        backfilled(StripeObjectType.SUBSCRIPTION, subscription("active", "[]", item), t("2026-03-20"));
        // without the schedule, a change made with proration_behavior=none counts from the next period
        assertThat(items()).extracting(RecurringItem::startDate, RecurringItem::quantity)
                .containsExactly(tuple(d("2026-01-01"), BigDecimal.ONE), tuple(d("2026-04-01"), BigDecimal.valueOf(4)));

        // phase 2 (4 seats, no prorations) began on 2026-03-15; phase 3 (9 seats) has not begun
        String schedule = schedule("active", "2026-03-15", phase("2026-01-01", "2026-03-15", "price_core", 1, "none"),
                phase("2026-03-15", "2026-06-01", "price_core", 4, "none"),
                phase("2026-06-01", "2026-09-01", "price_core", 9, "none"));
        List<org.assertj.core.groups.Tuple> expected = List.of(tuple(d("2026-01-01"), d("2026-03-15"), BigDecimal.ONE),
                tuple(d("2026-03-15"), null, BigDecimal.valueOf(4)));
        event("evt_sched", "subscription_schedule.updated", t("2026-03-15") + 60, schedule,
                "{'current_phase':{'start_date':" + t("2026-01-01") + ",'end_date':" + t("2026-03-15") + "}}");
        assertThat(items()).extracting(RecurringItem::startDate, RecurringItem::endDate, RecurringItem::quantity)
                .as("by event").containsExactlyElementsOf(expected);

        mirror.clear();
        catalog();
        monthlyCoreInvoices("[]");
        backfilled(StripeObjectType.SUBSCRIPTION, subscription("active", "[]", item), t("2026-03-20"));
        backfilled(StripeObjectType.SUBSCRIPTION_SCHEDULE, schedule, t("2026-03-20"));
        assertThat(items()).extracting(RecurringItem::startDate, RecurringItem::endDate, RecurringItem::quantity)
                .as("by backfill").containsExactlyElementsOf(expected);

        // a schedule not started yet dates nothing
        backfilled(StripeObjectType.SUBSCRIPTION_SCHEDULE, schedule("not_started", null,
                phase("2026-01-01", "2026-02-01", "price_core", 1, "none"),
                phase("2026-02-01", "2026-03-01", "price_core", 7, "none")).replace("sub_sched_1", "sub_sched_2"),
                t("2026-03-20"));
        assertThat(items()).extracting(RecurringItem::startDate, RecurringItem::endDate, RecurringItem::quantity)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aSeatIncreaseKnownOnlyFromTheCurrentStateCountsFromTheNextPeriodNeverEarlier() {
        catalog();
        monthlyCoreInvoices("[]");
        backfilled(StripeObjectType.SUBSCRIPTION, subscription("active", "[]",
                item("si_core", "price_core", 4, "2026-01-01", "{}")), t("2026-03-20"));

        assertThat(items()).extracting(RecurringItem::startDate, RecurringItem::quantity)
                .containsExactly(tuple(d("2026-01-01"), BigDecimal.ONE), tuple(d("2026-04-01"), BigDecimal.valueOf(4)));
    }

    @Test
    void aCouponNamedByIdInAnEventResolvesThroughTheStoredDiscount() {
        catalog();
        monthlyCoreInvoices("[]");
        backfilled(StripeObjectType.SUBSCRIPTION, subscription("active", "[]",
                item("si_core", "price_core", 1, "2026-01-01", "{}")), t("2026-03-05"));
        String discount = "{'id':'di_20','object':'discount','source':{'type':'coupon','coupon':'co_20'},"
                + "'subscription':'sub_1','start':" + t("2026-03-15") + "}";
        // the event names the discount by id only (FakeStripeServer.eventJson collapses it, as Stripe does)
        event("evt_d", "customer.subscription.updated", t("2026-03-15"),
                subscription("active", "[" + discount + "]", item("si_core", "price_core", 1, "2026-01-01", "{}")),
                "{'discounts':[]}");
        assertThat(mirror.get(StripeObjectType.SUBSCRIPTION).get("sub_1").json()).contains("\"discounts\":[\"di_20\"]");
        assertThat(mirror.get(StripeObjectType.DISCOUNT)).as("nothing expanded: nothing known yet").isNull();
        // what DiscountResolver stores after retrieving the subscription with expand[]=discounts
        backfilled(StripeObjectType.DISCOUNT, discount, t("2026-03-16"));
        invoice("in_4", "2026-04-01", line("si_core", "price_core", "2026-04-01", "2026-05-01", 1, 10000, false,
                "[{'amount':2000,'discount':'di_20'}]"));

        assertThat(items()).extracting(RecurringItem::startDate, RecurringItem::discountPercent)
                .containsExactly(tuple(d("2026-01-01"), null), tuple(d("2026-04-01"), new BigDecimal("20")));
    }

    @Test
    void anItemRemovedBeforeTheSubscriptionIsCanceledStaysRemovedAndKeepsItsBundle() {
        catalog();
        invoice("in_1", "2026-01-01",
                line("si_core", "price_core", "2026-01-01", "2026-02-01", 1, 10000, false, "[]"),
                line("si_addon", "price_addon", "2026-01-01", "2026-02-01", 1, 5000, false, "[]"));
        invoice("in_2", "2026-02-01",
                line("si_core", "price_core", "2026-02-01", "2026-03-01", 1, 10000, false, "[]"),
                line("si_addon", "price_addon", "2026-02-01", "2026-03-01", 1, 5000, false, "[]"));
        // seen with its bundle while it was on the subscription
        backfilled(StripeObjectType.SUBSCRIPTION, subscription("active", "[]",
                item("si_core", "price_core", 1, "2026-01-01", "{}"),
                item("si_addon", "price_addon", 1, "2026-01-01", "{'bundle_id':'suite'}")), t("2026-02-10"));
        // removed on 20 February: credited, then the subscription is canceled on 10 May
        invoice("in_3", "2026-02-20", line("si_addon", "price_addon", "2026-02-20", "2026-03-01", 1, -1607, true, "[]"));
        invoice("in_4", "2026-03-01", line("si_core", "price_core", "2026-03-01", "2026-04-01", 1, 10000, false, "[]"));
        backfilled(StripeObjectType.SUBSCRIPTION, subscription("canceled", "[]",
                item("si_core", "price_core", 1, "2026-01-01", "{}")), t("2026-05-10"));

        assertThat(items()).filteredOn(i -> i.productId().equals("stripe:prod_addon"))
                .extracting(RecurringItem::startDate, RecurringItem::endDate, RecurringItem::bundleId)
                .containsExactly(tuple(d("2026-01-01"), d("2026-02-20"), "suite"));
        assertThat(items()).filteredOn(i -> i.productId().equals("stripe:prod_core"))
                .extracting(RecurringItem::endDate).containsExactly(d("2026-05-10"));
    }

    @Test
    void anAmountOffCouponOnSeveralItemsTakesEachLinesShareNotTheWholeAmountTwice() {
        catalog();
        backfilled(StripeObjectType.DISCOUNT, "{'id':'di_30','object':'discount','source':{'type':'coupon',"
                + "'coupon':'co_30usd'}}", t("2026-01-01"));
        // 30.00 off 150.00: Stripe bills 20.00 on the 100.00 line and 10.00 on the 50.00 line
        invoice("in_1", "2026-01-01",
                line("si_core", "price_core", "2026-01-01", "2026-02-01", 1, 10000, false, "[{'amount':2000,'discount':'di_30'}]"),
                line("si_addon", "price_addon", "2026-01-01", "2026-02-01", 1, 5000, false, "[{'amount':1000,'discount':'di_30'}]"));
        backfilled(StripeObjectType.SUBSCRIPTION, subscription("active", "['di_30']",
                item("si_core", "price_core", 1, "2026-01-01", "{}"),
                item("si_addon", "price_addon", 1, "2026-01-01", "{}")), t("2026-01-10"));

        assertThat(items()).extracting(RecurringItem::productId, i -> i.discountAmount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(tuple("stripe:prod_core", "20"), tuple("stripe:prod_addon", "10"));
    }

    @Test
    void beforeAnyInvoiceAnAmountOffCouponIsSpreadInProportionToTheItems() {
        catalog();
        backfilled(StripeObjectType.DISCOUNT, "{'id':'di_30','object':'discount','source':{'type':'coupon',"
                + "'coupon':'co_30usd'}}", t("2026-01-01"));
        backfilled(StripeObjectType.SUBSCRIPTION, subscription("active", "['di_30']",
                item("si_core", "price_core", 1, "2026-01-01", "{}"),
                item("si_addon", "price_addon", 1, "2026-01-01", "{}")), t("2026-01-01"));

        assertThat(items()).extracting(RecurringItem::productId, i -> i.discountAmount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(tuple("stripe:prod_core", "20"), tuple("stripe:prod_addon", "10"));
    }
}
