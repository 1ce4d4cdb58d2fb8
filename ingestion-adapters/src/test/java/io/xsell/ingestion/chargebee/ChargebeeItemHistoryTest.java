package io.xsell.ingestion.chargebee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.xsell.core.model.InvalidDatasetException;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.chargebee.fake.InMemoryChargebeeMirror;
import io.xsell.ingestion.chargebee.mapping.ChargebeeAccountMapper;
import io.xsell.ingestion.chargebee.mapping.ChargebeeAmounts;
import io.xsell.ingestion.chargebee.sync.ChargebeeEvents;
import io.xsell.ingestion.chargebee.sync.ChargebeeRecords;
import io.xsell.ingestion.provider.LineOverride;
import io.xsell.ingestion.provider.MappingSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-written Chargebee resources: the dated history of one subscription item and the mapping's rules. */
class ChargebeeItemHistoryTest {
    static long day(String iso) {
        return ChargebeeAmounts.epoch(LocalDate.parse(iso));
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
    }

    static void put(InMemoryChargebeeMirror mirror, String type, JsonObject json) {
        mirror.apply(List.of(ChargebeeRecords.of(type, json, false)));
    }

    static InMemoryChargebeeMirror site(String currency, String status) {
        InMemoryChargebeeMirror mirror = new InMemoryChargebeeMirror();
        put(mirror, "item_family", json("{'id':'crm','name':'CRM','status':'active','resource_version':1}"));
        put(mirror, "item", json("{'id':'crm-seats','name':'CRM seats','type':'plan','item_family_id':'crm',"
                + "'status':'active','resource_version':1}"));
        put(mirror, "item", json("{'id':'crm-reports','name':'Reports','type':'addon','item_family_id':'crm',"
                + "'status':'active','resource_version':1}"));
        put(mirror, "item_price", json("{'id':'seats-m','item_id':'crm-seats','item_type':'plan','period':1,"
                + "'period_unit':'month','currency_code':'" + currency + "','price':1000,'resource_version':1}"));
        put(mirror, "customer", json("{'id':'c1','company':'Acme','created_at':" + day("2026-01-01")
                + ",'meta_data':{'segment':'smb'},'resource_version':1}"));
        put(mirror, "subscription", json("{'id':'sub1','customer_id':'c1','status':'" + status + "','currency_code':'"
                + currency + "','started_at':" + day("2026-01-01") + ",'created_at':" + day("2026-01-01")
                + ",'cancelled_at':" + day("2026-03-10") + ",'current_term_start':" + day("2026-03-01")
                + ",'current_term_end':" + day("2026-04-01")
                + ",'subscription_items':[{'item_price_id':'seats-m','item_type':'plan','quantity':5,'unit_price':1000}],"
                + "'resource_version':" + day("2026-01-15") * 1000 + "}"));
        return mirror;
    }

    /** The site's monthly Reports addon price (3.00 USD), which the subscription does not hold yet. */
    static void reportsAddon(InMemoryChargebeeMirror mirror) {
        put(mirror, "item_price", json("{'id':'reports-m','item_id':'crm-reports','item_type':'addon','period':1,"
                + "'period_unit':'month','currency_code':'USD','price':300,'resource_version':1}"));
    }

    static JsonObject invoice(String id, String date, String from, String to, int quantity, String currency) {
        return json("{'id':'" + id + "','customer_id':'c1','subscription_id':'sub1','status':'paid','date':" + day(date)
                + ",'currency_code':'" + currency + "','line_items':[{'id':'li_" + id + "','subscription_id':'sub1',"
                + "'date_from':" + day(from) + ",'date_to':" + day(to) + ",'unit_amount':1000,'quantity':" + quantity
                + ",'amount':" + 1000 * quantity + ",'is_taxed':false,'description':'seats','entity_type':'plan_item_price',"
                + "'entity_id':'seats-m','customer_id':'c1'}],'line_item_discounts':[],'resource_version':1}");
    }

    static MappingSettings settings(Map<String, LineOverride> overrides) {
        return new MappingSettings("cb:", "USD", overrides, List.of());
    }

    static List<RecurringItem> items(TenantDataset dataset) {
        return dataset.items().stream().sorted(Comparator.comparing(RecurringItem::startDate)).toList();
    }

    @Test
    void aMidTermSeatIncreaseCountsFromItsDayAndALateInvoiceDoesNotMoveEarlierDays() {
        InMemoryChargebeeMirror mirror = site("USD", "active");
        put(mirror, "invoice", invoice("inv3", "2026-02-01", "2026-02-01", "2026-03-01", 5, "USD"));
        put(mirror, "invoice", invoice("inv1", "2026-01-01", "2026-01-01", "2026-02-01", 2, "USD"));
        List<RecurringItem> before = items(ChargebeeAccountMapper.map(mirror, settings(Map.of())));
        assertThat(before).extracting(RecurringItem::startDate, RecurringItem::endDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-02-01")), org.assertj.core.groups.Tuple.tuple(
                        LocalDate.parse("2026-02-01"), null));

        // the prorated invoice of the change on 15 January arrives late
        put(mirror, "invoice", invoice("inv2", "2026-01-15", "2026-01-15", "2026-02-01", 5, "USD"));
        List<RecurringItem> after = items(ChargebeeAccountMapper.map(mirror, settings(Map.of())));
        assertThat(after).hasSize(2);
        assertThat(after.get(0).startDate()).isEqualTo("2026-01-01");
        assertThat(after.get(0).endDate()).isEqualTo("2026-01-15");
        assertThat(after.get(0).quantity()).isEqualByComparingTo("2");
        assertThat(after.get(1).startDate()).isEqualTo("2026-01-15");
        assertThat(after.get(1).quantity()).isEqualByComparingTo("5");
        assertThat(after.get(1).unitAmount()).isEqualByComparingTo("10.00");
    }

    static JsonObject unbilledCharge(String id, String from, int quantity, boolean voided) {
        return json("{'id':'" + id + "','customer_id':'c1','subscription_id':'sub1','date_from':" + day(from)
                + ",'date_to':" + day("2026-04-01") + ",'unit_amount':1000,'pricing_model':'per_unit','quantity':"
                + quantity + ",'amount':" + 700 * quantity + ",'currency_code':'USD','discount_amount':0,"
                + "'description':'seats','entity_type':'plan_item_price','entity_id':'seats-m','is_voided':" + voided
                + ",'deleted':false}");
    }

    @Test
    void aChangeWhoseInvoiceIsDeferredCountsFromItsUnbilledChargeAndTheInvoiceLaterChangesNothing() {
        InMemoryChargebeeMirror mirror = site("USD", "active");
        put(mirror, "invoice", invoice("inv1", "2026-01-01", "2026-01-01", "2026-02-01", 5, "USD"));
        put(mirror, "invoice", invoice("inv2", "2026-02-01", "2026-02-01", "2026-03-01", 5, "USD"));
        put(mirror, "invoice", invoice("inv3", "2026-03-01", "2026-03-01", "2026-04-01", 5, "USD"));
        put(mirror, "unbilled_charge", unbilledCharge("ubc_voided", "2026-03-05", 20, true));
        put(mirror, "unbilled_charge", unbilledCharge("ubc_1", "2026-03-10", 8, false));
        List<RecurringItem> pending = items(ChargebeeAccountMapper.map(mirror, settings(Map.of())));
        assertThat(pending).extracting(RecurringItem::startDate, RecurringItem::endDate, i -> i.quantity().intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-03-10"), 5), org.assertj.core.groups.Tuple.tuple(
                        LocalDate.parse("2026-03-10"), null, 8));

        // invoiced at the term's end: the charge leaves the unbilled list, the invoice's line bills it
        JsonObject event = new JsonObject();
        event.addProperty("id", "ev_invoiced");
        event.addProperty("occurred_at", day("2026-04-01"));
        event.addProperty("event_type", "unbilled_charges_invoiced");
        JsonObject content = new JsonObject();
        com.google.gson.JsonArray charges = new com.google.gson.JsonArray();
        charges.add(unbilledCharge("ubc_1", "2026-03-10", 8, false));
        content.add("unbilled_charges", charges);
        event.add("content", content);
        mirror.apply(ChargebeeEvents.records(event));
        assertThat(mirror.records("unbilled_charge")).filteredOn(r -> !r.deleted()).extracting(r -> r.id())
                .containsExactly("ubc_voided");
        put(mirror, "invoice", invoice("inv4", "2026-04-01", "2026-03-10", "2026-04-01", 8, "USD"));
        assertThat(items(ChargebeeAccountMapper.map(mirror, settings(Map.of()))))
                .extracting(RecurringItem::startDate, RecurringItem::endDate, i -> i.quantity().intValue())
                .isEqualTo(pending.stream().map(i -> org.assertj.core.groups.Tuple.tuple(i.startDate(), i.endDate(),
                        i.quantity().intValue())).toList());
    }

    @Test
    void anOlderVersionOfASubscriptionNeverReplacesANewerOne() {
        InMemoryChargebeeMirror mirror = site("USD", "cancelled");
        put(mirror, "invoice", invoice("inv1", "2026-01-01", "2026-01-01", "2026-02-01", 2, "USD"));
        JsonObject older = json("{'id':'sub1','customer_id':'c1','status':'active','currency_code':'USD','started_at':"
                + day("2026-01-01") + ",'subscription_items':[{'item_price_id':'seats-m','item_type':'plan',"
                + "'quantity':2,'unit_price':1000}],'resource_version':" + day("2026-01-01") * 1000 + "}");
        JsonObject event = new JsonObject();
        event.addProperty("id", "ev_old");
        event.addProperty("occurred_at", day("2026-01-01"));
        event.addProperty("event_type", "subscription_created");
        JsonObject content = new JsonObject();
        content.add("subscription", older);
        event.add("content", content);
        mirror.apply(ChargebeeEvents.records(event));
        List<RecurringItem> items = items(ChargebeeAccountMapper.map(mirror, settings(Map.of())));
        assertThat(items).last().extracting(RecurringItem::endDate).isEqualTo(LocalDate.parse("2026-03-10"));
    }

    @Test
    void amountsUseTheCurrencysExponentAndStatusesEndTheItem() {
        InMemoryChargebeeMirror yen = site("JPY", "non_renewing");
        put(yen, "invoice", invoice("inv1", "2026-01-01", "2026-01-01", "2026-02-01", 2, "JPY"));
        RecurringItem item = items(ChargebeeAccountMapper.map(yen, new MappingSettings("cb:", "JPY", Map.of(),
                List.of()))).get(0);
        assertThat(item.unitAmount()).isEqualByComparingTo(new BigDecimal("1000"));
        assertThat(item.currency()).isEqualTo("JPY");
        assertThat(item.endDate()).isEqualTo("2026-03-10");

        InMemoryChargebeeMirror paused = site("USD", "paused");
        put(paused, "invoice", invoice("inv1", "2026-01-01", "2026-01-01", "2026-02-01", 2, "USD"));
        assertThat(items(ChargebeeAccountMapper.map(paused, settings(Map.of()))).get(0).endDate())
                .as("no pause_date: the current term's start").isEqualTo("2026-03-01");
    }

    @Test
    void theItemFamilyGivesTheLineAndAnOverrideByFamilyWins() {
        InMemoryChargebeeMirror mirror = site("USD", "active");
        TenantDataset plain = ChargebeeAccountMapper.map(mirror, settings(Map.of()));
        assertThat(plain.products()).extracting(p -> p.productLine()).containsOnly("crm");
        assertThat(plain.products()).extracting(p -> p.kind()).containsOnly(LineKind.CORE);
        TenantDataset overridden = ChargebeeAccountMapper.map(mirror,
                settings(Map.of("crm", new LineOverride("CRM Suite", LineKind.CORE),
                        "crm-reports", new LineOverride("Analytics", LineKind.ADD_ON))));
        assertThat(overridden.products()).extracting(p -> p.id() + "=" + p.productLine() + "/" + p.kind())
                .containsExactlyInAnyOrder("cb:crm-seats=CRM Suite/CORE", "cb:crm-reports=Analytics/ADD_ON");
    }

    @Test
    void aResourceThatCannotBeMappedIsNamedWithItsField() {
        InMemoryChargebeeMirror mirror = site("USD", "dormant");
        assertThatThrownBy(() -> ChargebeeAccountMapper.map(mirror, settings(Map.of())))
                .isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("Chargebee subscription sub1, field status");
        InMemoryChargebeeMirror noCurrency = site("USD", "active");
        put(noCurrency, "invoice", json("{'id':'inv9','date':1,'line_items':[],'resource_version':1}"));
        assertThatThrownBy(() -> ChargebeeAccountMapper.map(noCurrency, settings(Map.of())))
                .hasMessageContaining("Chargebee invoice inv9, field currency_code");
    }
    static JsonObject withCoupon(JsonObject invoice, String coupon) {
        JsonObject discount = json("{'line_item_id':'li_" + invoice.get("id").getAsString()
                + "','discount_type':'item_level_coupon','coupon_id':'" + coupon + "','entity_id':'" + coupon
                + "','discount_amount':100}");
        invoice.getAsJsonArray("line_item_discounts").add(discount);
        return invoice;
    }

    @Test
    void aLimitedPeriodCouponHoldsOnTheLinesItDiscountedAndAOneTimeCouponChangesNothing() {
        InMemoryChargebeeMirror mirror = site("USD", "active");
        put(mirror, "coupon", json("{'id':'Q1','name':'Q1','discount_type':'percentage','discount_percentage':20.0,"
                + "'duration_type':'limited_period','period':1,'period_unit':'month','apply_on':'each_specified_item',"
                + "'status':'active','resource_version':1}"));
        put(mirror, "coupon", json("{'id':'HELLO','name':'HELLO','discount_type':'fixed_amount','discount_amount':500,"
                + "'currency_code':'USD','duration_type':'one_time','apply_on':'invoice_amount','status':'active',"
                + "'resource_version':1}"));
        put(mirror, "invoice", withCoupon(invoice("inv1", "2026-01-01", "2026-01-01", "2026-02-01", 5, "USD"), "Q1"));
        put(mirror, "invoice", withCoupon(invoice("inv2", "2026-02-01", "2026-02-01", "2026-03-01", 5, "USD"),
                "HELLO"));
        List<RecurringItem> items = items(ChargebeeAccountMapper.map(mirror, settings(Map.of())));
        assertThat(items).hasSize(2);
        assertThat(items.get(0).discountPercent()).isEqualByComparingTo("20");
        assertThat(items.get(0).endDate()).isEqualTo("2026-02-01");
        assertThat(items.get(1).discountPercent()).isNull();
        assertThat(items.get(1).discountAmount()).isNull();
    }

    /** A subscription event as Chargebee sends it: {@code content.subscription} with the given items (JSON). */
    static JsonObject subscriptionEvent(String id, String type, String day, String items, String extra) {
        return json("{'id':'" + id + "','occurred_at':" + (day(day) + 3600) + ",'event_type':'" + type
                + "','source':'admin_console','api_version':'v2','content':{'subscription':{'id':'sub1',"
                + "'customer_id':'c1','status':'active','currency_code':'USD','started_at':" + day("2026-01-01")
                + ",'created_at':" + day("2026-01-01") + ",'current_term_start':" + day("2026-03-01")
                + ",'current_term_end':" + day("2026-04-01") + extra + ",'subscription_items':[" + items
                + "],'resource_version':" + (day(day) + 3600) * 1000 + "}}}");
    }

    static String seats(int quantity) {
        return "{'item_price_id':'seats-m','item_type':'plan','quantity':" + quantity + ",'unit_price':1000}";
    }

    static List<org.assertj.core.groups.Tuple> periods(InMemoryChargebeeMirror mirror, String product) {
        return items(ChargebeeAccountMapper.map(mirror, settings(Map.of()))).stream()
                .filter(i -> i.productId().equals(product))
                .map(i -> org.assertj.core.groups.Tuple.tuple(i.startDate(), i.endDate(), i.quantity().intValue()))
                .toList();
    }

    static org.assertj.core.groups.Tuple period(String from, String to, int quantity) {
        return org.assertj.core.groups.Tuple.tuple(LocalDate.parse(from), to == null ? null : LocalDate.parse(to),
                quantity);
    }

    @Test
    void aChangeWithoutProrationCountsFromItsEventsDayAndTheNextInvoiceChangesNothing() {
        InMemoryChargebeeMirror mirror = site("USD", "active");
        put(mirror, "invoice", invoice("inv1", "2026-01-01", "2026-01-01", "2026-02-01", 5, "USD"));
        put(mirror, "invoice", invoice("inv2", "2026-02-01", "2026-02-01", "2026-03-01", 5, "USD"));
        put(mirror, "invoice", invoice("inv3", "2026-03-01", "2026-03-01", "2026-04-01", 5, "USD"));
        assertThat(periods(mirror, "cb:crm-seats")).as("before the event: the subscription says nothing of the day")
                .containsExactly(period("2026-01-01", null, 5));

        // seats raised to 8 on 10 March with prorate=false: no charge, no credit, only the event
        JsonObject changed = subscriptionEvent("ev_changed", "subscription_changed", "2026-03-10", seats(8), "");
        mirror.apply(ChargebeeEvents.records(changed));
        assertThat(mirror.records(ChargebeeRecords.SUBSCRIPTION_CHANGE)).extracting(r -> r.id())
                .containsExactly("ev_changed");
        List<org.assertj.core.groups.Tuple> dated = periods(mirror, "cb:crm-seats");
        assertThat(dated).containsExactly(period("2026-01-01", "2026-03-10", 5), period("2026-03-10", null, 8));

        // the next term bills 8 from 1 April; the event read again (a webhook, a backfill) changes nothing
        put(mirror, "invoice", invoice("inv4", "2026-04-01", "2026-04-01", "2026-05-01", 8, "USD"));
        mirror.apply(ChargebeeEvents.records(changed));
        mirror.apply(List.of(ChargebeeEvents.change(changed).orElseThrow()));
        assertThat(periods(mirror, "cb:crm-seats")).isEqualTo(dated);
    }

    @Test
    void aLineOfTheChangesDayWinsOverItsEvent() {
        InMemoryChargebeeMirror mirror = site("USD", "active");
        put(mirror, "invoice", invoice("inv1", "2026-03-01", "2026-03-01", "2026-04-01", 5, "USD"));
        mirror.apply(ChargebeeEvents.records(subscriptionEvent("ev_changed", "subscription_changed", "2026-03-10",
                seats(8), "")));
        put(mirror, "invoice", invoice("inv2", "2026-03-10", "2026-03-10", "2026-04-01", 9, "USD"));
        assertThat(periods(mirror, "cb:crm-seats")).containsExactly(period("2026-03-01", "2026-03-10", 5),
                period("2026-03-10", null, 9));
        // an unbilled charge of that day wins too
        InMemoryChargebeeMirror deferred = site("USD", "active");
        put(deferred, "invoice", invoice("inv1", "2026-03-01", "2026-03-01", "2026-04-01", 5, "USD"));
        deferred.apply(ChargebeeEvents.records(subscriptionEvent("ev_changed", "subscription_changed", "2026-03-10",
                seats(7), "")));
        put(deferred, "unbilled_charge", unbilledCharge("ubc_1", "2026-03-10", 8, false));
        assertThat(periods(deferred, "cb:crm-seats")).containsExactly(period("2026-03-01", "2026-03-10", 5),
                period("2026-03-10", null, 8));
    }

    @Test
    void anAddonAddedAndRemovedMidTermWithoutProrationCountsBetweenItsEvents() {
        InMemoryChargebeeMirror mirror = site("USD", "active");
        reportsAddon(mirror);
        put(mirror, "invoice", invoice("inv1", "2026-01-01", "2026-01-01", "2026-02-01", 5, "USD"));
        put(mirror, "invoice", invoice("inv2", "2026-02-01", "2026-02-01", "2026-03-01", 5, "USD"));
        String reports = "{'item_price_id':'reports-m','item_type':'addon','quantity':2,'unit_price':300}";
        mirror.apply(ChargebeeEvents.records(subscriptionEvent("ev_added", "subscription_changed", "2026-02-15",
                seats(5) + "," + reports, "")));
        assertThat(periods(mirror, "cb:crm-reports")).as("added on 15 February, billed from 1 March")
                .containsExactly(period("2026-02-15", null, 2));
        JsonObject march = invoice("inv3", "2026-03-01", "2026-03-01", "2026-04-01", 5, "USD");
        march.getAsJsonArray("line_items").add(json("{'id':'li_inv3_reports','subscription_id':'sub1','date_from':"
                + day("2026-03-01") + ",'date_to':" + day("2026-04-01") + ",'unit_amount':300,'quantity':2,"
                + "'amount':600,'entity_type':'addon_item_price','entity_id':'reports-m','customer_id':'c1'}"));
        put(mirror, "invoice", march);
        assertThat(periods(mirror, "cb:crm-reports")).containsExactly(period("2026-02-15", null, 2));

        // removed on 20 March without proration: no credit note, the line runs to 1 April
        mirror.apply(ChargebeeEvents.records(subscriptionEvent("ev_removed", "subscription_changed", "2026-03-20",
                seats(5), "")));
        assertThat(periods(mirror, "cb:crm-reports")).containsExactly(period("2026-02-15", "2026-03-20", 2));
        assertThat(periods(mirror, "cb:crm-seats")).as("the plan does not move")
                .containsExactly(period("2026-01-01", null, 5));
    }

    @Test
    void anItemHeldNowThatNoLineOrChangeHoldsCountsFromTheLastChangeWithoutIt() {
        InMemoryChargebeeMirror mirror = site("USD", "active");
        reportsAddon(mirror);
        put(mirror, "invoice", invoice("inv1", "2026-02-01", "2026-02-01", "2026-03-01", 5, "USD"));
        mirror.apply(ChargebeeEvents.records(subscriptionEvent("ev_seats", "subscription_changed", "2026-02-10",
                seats(6), "")));
        // the addon was added later without proration, and the site's events list no longer holds that change:
        // only the subscription as it is now says so
        put(mirror, "subscription", json("{'id':'sub1','customer_id':'c1','status':'active','currency_code':'USD',"
                + "'started_at':" + day("2026-01-01") + ",'created_at':" + day("2026-01-01")
                + ",'current_term_start':" + day("2026-02-01") + ",'current_term_end':" + day("2026-03-01")
                + ",'subscription_items':[" + seats(6) + ",{'item_price_id':'reports-m','item_type':'addon',"
                + "'quantity':2,'unit_price':300}],'resource_version':" + day("2026-02-20") * 1000 + "}"));
        assertThat(periods(mirror, "cb:crm-reports")).as("not from the subscription's start, and still held")
                .containsExactly(period("2026-02-10", null, 2));
        assertThat(periods(mirror, "cb:crm-seats")).containsExactly(period("2026-02-01", "2026-02-10", 5),
                period("2026-02-10", null, 6));
    }

    @Test
    void aScheduledChangeCountsOnlyOnceChargebeeAppliesIt() {
        InMemoryChargebeeMirror mirror = site("USD", "active");
        put(mirror, "invoice", invoice("inv1", "2026-02-01", "2026-02-01", "2026-03-01", 5, "USD"));
        put(mirror, "invoice", invoice("inv2", "2026-03-01", "2026-03-01", "2026-04-01", 5, "USD"));
        // on 10 March a decrease to 3 is scheduled for the term's end: the subscription keeps 5 seats
        JsonObject scheduled = subscriptionEvent("ev_scheduled", "subscription_changes_scheduled", "2026-03-10",
                seats(5), ",'has_scheduled_changes':true,'changes_scheduled_at':" + day("2026-04-01"));
        mirror.apply(ChargebeeEvents.records(scheduled));
        assertThat(mirror.records(ChargebeeRecords.SUBSCRIPTION_CHANGE)).isEmpty();
        assertThat(periods(mirror, "cb:crm-seats")).containsExactly(period("2026-02-01", null, 5));

        // Chargebee applies it at the term's end (source scheduled_job) and bills the new term
        JsonObject applied = subscriptionEvent("ev_applied", "subscription_changed", "2026-04-01", seats(3),
                ",'has_scheduled_changes':false");
        applied.addProperty("source", "scheduled_job");
        mirror.apply(ChargebeeEvents.records(applied));
        assertThat(periods(mirror, "cb:crm-seats")).containsExactly(period("2026-02-01", "2026-04-01", 5),
                period("2026-04-01", null, 3));
        put(mirror, "invoice", invoice("inv3", "2026-04-01", "2026-04-01", "2026-05-01", 3, "USD"));
        assertThat(periods(mirror, "cb:crm-seats")).containsExactly(period("2026-02-01", "2026-04-01", 5),
                period("2026-04-01", null, 3));
    }

    @Test
    void severalRecurringCouponsOnALineStackInChargebeesOrder() {
        InMemoryChargebeeMirror mirror = site("USD", "active");
        put(mirror, "coupon", json("{'id':'PCT20','discount_type':'percentage','discount_percentage':20.0,"
                + "'duration_type':'forever','apply_on':'each_specified_item','status':'active','resource_version':1}"));
        put(mirror, "coupon", json("{'id':'OFF500','discount_type':'fixed_amount','discount_amount':500,"
                + "'currency_code':'USD','duration_type':'forever','apply_on':'each_specified_item','status':'active',"
                + "'resource_version':1}"));
        put(mirror, "coupon", json("{'id':'DOC10','discount_type':'percentage','discount_percentage':10.0,"
                + "'duration_type':'limited_period','period':6,'period_unit':'month','apply_on':'invoice_amount',"
                + "'status':'active','resource_version':1}"));
        put(mirror, "coupon", json("{'id':'ONCE','discount_type':'percentage','discount_percentage':50.0,"
                + "'duration_type':'one_time','apply_on':'invoice_amount','status':'active','resource_version':1}"));
        JsonObject invoice = withCoupon(withCoupon(invoice("inv1", "2026-01-01", "2026-01-01", "2026-02-01", 5, "USD"),
                "PCT20"), "OFF500");
        invoice.getAsJsonArray("line_item_discounts").add(json("{'line_item_id':'li_inv1','discount_type':"
                + "'document_level_coupon','coupon_id':'DOC10','entity_id':'DOC10','discount_amount':324}"));
        invoice.getAsJsonArray("line_item_discounts").add(json("{'line_item_id':'li_inv1','discount_type':"
                + "'document_level_coupon','coupon_id':'ONCE','entity_id':'ONCE','discount_amount':1458}"));
        put(mirror, "invoice", invoice);
        // 50.00 − 5.00 = 45.00; − 20 % = 36.00; − 10 % = 32.40 (the one-time coupon changes no MRR):
        // 50 × 0.8 × 0.9 − 5 × 0.8 × 0.9 = 50 × (1 − 28 %) − 3.60
        RecurringItem item = items(ChargebeeAccountMapper.map(mirror, settings(Map.of()))).get(0);
        assertThat(item.discountPercent()).isEqualByComparingTo("28");
        assertThat(item.discountAmount()).isEqualByComparingTo("3.60");
        assertThat(item.unitAmount().multiply(item.quantity())
                .multiply(BigDecimal.ONE.subtract(item.discountPercent().movePointLeft(2)))
                .subtract(item.discountAmount())).isEqualByComparingTo("32.40");

        // one coupon alone gives its own figures; the subscription's coupons stack the same way
        InMemoryChargebeeMirror single = site("USD", "active");
        put(single, "coupon", json("{'id':'PCT20','discount_type':'percentage','discount_percentage':20.0,"
                + "'duration_type':'forever','apply_on':'each_specified_item','status':'active','resource_version':1}"));
        put(single, "invoice", withCoupon(invoice("inv1", "2026-01-01", "2026-01-01", "2026-02-01", 5, "USD"),
                "PCT20"));
        RecurringItem alone = items(ChargebeeAccountMapper.map(single, settings(Map.of()))).get(0);
        assertThat(alone.discountPercent()).isEqualByComparingTo("20");
        assertThat(alone.discountAmount()).isNull();
        InMemoryChargebeeMirror unbilled = site("USD", "active");
        mirror.records("coupon").forEach(r -> unbilled.apply(List.of(r)));
        unbilled.apply(ChargebeeEvents.records(subscriptionEvent("ev_coupons", "subscription_changed", "2026-01-01",
                seats(5), ",'coupons':[{'coupon_id':'OFF500'},{'coupon_id':'DOC10'},{'coupon_id':'PCT20'},"
                + "{'coupon_id':'ONCE'}]")));
        RecurringItem fromSubscription = items(ChargebeeAccountMapper.map(unbilled, settings(Map.of()))).get(0);
        assertThat(fromSubscription.discountPercent()).isEqualByComparingTo("28");
        assertThat(fromSubscription.discountAmount()).isEqualByComparingTo("3.60");
    }

    @Test
    void aCreditNoteForAOneOffChargeTakesBackOneTimeRevenueOnItsDay() {
        InMemoryChargebeeMirror mirror = site("USD", "active");
        put(mirror, "item", json("{'id':'onboarding','name':'Onboarding','type':'charge','item_family_id':'crm',"
                + "'status':'active','resource_version':1}"));
        put(mirror, "item_price", json("{'id':'onboarding-usd','item_id':'onboarding','item_type':'charge',"
                + "'currency_code':'USD','price':50000,'resource_version':1}"));
        put(mirror, "invoice", json("{'id':'inv_setup','customer_id':'c1','status':'paid','date':" + day("2026-02-03")
                + ",'currency_code':'USD','line_items':[{'id':'li_setup','date_from':" + day("2026-02-03")
                + ",'date_to':" + day("2026-02-03") + ",'unit_amount':50000,'quantity':1,'amount':50000,"
                + "'discount_amount':5000,'description':'Onboarding','entity_type':'charge_item_price',"
                + "'entity_id':'onboarding-usd','customer_id':'c1'},{'id':'li_training','date_from':"
                + day("2026-02-03") + ",'date_to':" + day("2026-02-03") + ",'unit_amount':12000,'quantity':1,"
                + "'amount':12000,'description':'Training day','entity_type':'adhoc','customer_id':'c1'}],"
                + "'line_item_discounts':[],'resource_version':1}"));
        // half the onboarding refunded in March (net of its share of the discount), the training day
        // credited in full; a voided note and a note for a recurring line change no one-time revenue
        put(mirror, "credit_note", json("{'id':'cn_1','customer_id':'c1','type':'refundable','status':'refunded',"
                + "'reason_code':'product_unsatisfactory','date':" + day("2026-03-10") + ",'currency_code':'USD',"
                + "'line_items':[{'id':'cli_1','date_from':" + day("2026-02-03") + ",'date_to':" + day("2026-02-03")
                + ",'unit_amount':25000,'quantity':1,'amount':25000,'discount_amount':2500,'description':'Onboarding',"
                + "'entity_type':'charge_item_price','entity_id':'onboarding-usd'},{'id':'cli_2','date_from':"
                + day("2026-02-03") + ",'date_to':" + day("2026-02-03") + ",'unit_amount':12000,'quantity':1,"
                + "'amount':12000,'description':'Training day','entity_type':'adhoc'}],'resource_version':1}"));
        put(mirror, "credit_note", json("{'id':'cn_void','customer_id':'c1','type':'adjustment','status':'voided',"
                + "'date':" + day("2026-03-11") + ",'currency_code':'USD','line_items':[{'id':'cli_3','date_from':"
                + day("2026-02-03") + ",'date_to':" + day("2026-02-03") + ",'unit_amount':50000,'quantity':1,"
                + "'amount':50000,'entity_type':'charge_item_price','entity_id':'onboarding-usd'}],"
                + "'resource_version':1}"));
        TenantDataset dataset = ChargebeeAccountMapper.map(mirror, settings(Map.of()));
        assertThat(dataset.charges()).extracting(c -> c.date() + " " + c.amount().toPlainString() + " " + c.productId())
                .containsExactlyInAnyOrder("2026-02-03 450.00 cb:onboarding", "2026-02-03 120.00 null",
                        "2026-03-10 -225.00 cb:onboarding", "2026-03-10 -120.00 null");
        assertThat(dataset.charges().stream().map(c -> c.amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("225.00");
        assertThat(dataset.items()).as("no MRR from one-off charges or their credits")
                .allMatch(i -> i.productId().equals("cb:crm-seats"));
    }
}
