package io.xsell.ingestion.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.provider.LineOverride;
import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.stripe.mapping.StripeAccountMapper;
import io.xsell.ingestion.stripe.mapping.StripeAmounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mapping rules the generated account does not exercise, on hand-written Stripe objects. */
class StripeAccountMapperTest {
    private final Map<StripeObjectType, List<String>> objects = new EnumMap<>(StripeObjectType.class);

    private void add(StripeObjectType type, String json) {
        objects.computeIfAbsent(type, t -> new ArrayList<>()).add(json.replace('\'', '"'));
    }

    private TenantDataset map(Map<String, LineOverride> overrides) {
        return StripeAccountMapper.map((type, consumer) -> objects.getOrDefault(type, List.of()).forEach(consumer),
                new MappingSettings("stripe:", "USD", overrides, List.of()));
    }

    private static long t(String day) {
        return StripeAmounts.epoch(LocalDate.parse(day));
    }

    private static String line(String sub, String item, String price, String start, String end, long quantity,
                               long amount, boolean proration) {
        return "{'id':'il_" + item + start + amount + "','object':'line_item','amount':" + amount
                + ",'currency':'usd','period':{'start':" + t(start) + ",'end':" + t(end) + "},'quantity':" + quantity
                + ",'pricing':{'type':'price_details','price_details':{'price':'" + price + "','product':'prod_a'}},"
                + "'parent':{'type':'subscription_item_details','subscription_item_details':{'subscription':'" + sub
                + "','subscription_item':'" + item + "','proration':" + proration + "}},'discount_amounts':[]}";
    }

    private void invoice(String id, String created, String... lines) {
        add(StripeObjectType.INVOICE, "{'id':'" + id + "','object':'invoice','customer':'cus_1','status':'paid',"
                + "'created':" + t(created) + ",'lines':{'object':'list','has_more':false,'data':[" + String.join(",", lines)
                + "]},'discounts':[]}");
    }

    private void catalog() {
        add(StripeObjectType.CUSTOMER, "{'id':'cus_1','object':'customer','created':" + t("2025-01-01")
                + ",'name':'Acme','metadata':{'segment':'smb','industry':'retail','empty':''}}");
        add(StripeObjectType.PRODUCT, "{'id':'prod_a','object':'product','name':'A','metadata':{'product_line':'analytics','kind':'add_on'}}");
        add(StripeObjectType.PRODUCT, "{'id':'prod_b','object':'product','name':'B','metadata':{}}");
        add(StripeObjectType.PRICE, "{'id':'price_seat','object':'price','currency':'usd','product':'prod_a','unit_amount':1000,"
                + "'unit_amount_decimal':'1000','recurring':{'interval':'month','interval_count':1,'usage_type':'licensed'}}");
        add(StripeObjectType.PRICE, "{'id':'price_api','object':'price','currency':'usd','product':'prod_b',"
                + "'recurring':{'interval':'month','interval_count':1,'usage_type':'metered'}}");
    }

    @Test
    void productsTakeTheirLineAndKindFromMetadataUnlessTheConnectionOverridesThem() {
        catalog();
        TenantDataset plain = map(Map.of());
        assertThat(plain.product("stripe:prod_a")).isEqualTo(new Product("stripe:prod_a", "A", "analytics", LineKind.ADD_ON, null));
        assertThat(plain.product("stripe:prod_b").productLine()).as("no metadata: the product is its own line")
                .isEqualTo("stripe:prod_b");
        assertThat(plain.customers().get(0).attributes()).isEqualTo(Map.of("segment", "smb", "industry", "retail"));

        TenantDataset overridden = map(Map.of("prod_a", new LineOverride("insights", LineKind.MODULE),
                "prod_b", new LineOverride("api", null)));
        assertThat(overridden.product("stripe:prod_a").productLine()).isEqualTo("insights");
        assertThat(overridden.product("stripe:prod_a").kind()).isEqualTo(LineKind.MODULE);
        assertThat(overridden.product("stripe:prod_b").kind()).isEqualTo(LineKind.MODULE);
    }

    @Test
    void anItemRemovedMidPeriodEndsWhereItsUnusedTimeIsCreditedAndQuantityChangesSplitIt() {
        catalog();
        add(StripeObjectType.SUBSCRIPTION, "{'id':'sub_1','object':'subscription','customer':'cus_1','status':'active',"
                + "'start_date':" + t("2026-01-10") + ",'items':{'object':'list','data':[]},'metadata':{}}");
        invoice("in_1", "2026-01-10", line("sub_1", "si_1", "price_seat", "2026-01-10", "2026-02-10", 2, 2000, false));
        invoice("in_2", "2026-02-10", line("sub_1", "si_1", "price_seat", "2026-02-10", "2026-03-10", 2, 2000, false));
        // five seats from 20 February: unused time of two credited, five charged for the rest of the period
        invoice("in_3", "2026-02-20", line("sub_1", "si_1", "price_seat", "2026-02-20", "2026-03-10", 2, -1300, true),
                line("sub_1", "si_1", "price_seat", "2026-02-20", "2026-03-10", 5, 3200, true));
        invoice("in_4", "2026-03-10", line("sub_1", "si_1", "price_seat", "2026-03-10", "2026-04-10", 5, 5000, false));
        // removed from the running subscription on 25 March: only a credit from that day
        invoice("in_5", "2026-03-25", line("sub_1", "si_1", "price_seat", "2026-03-25", "2026-04-10", 5, -2600, true));

        List<RecurringItem> items = map(Map.of()).items();
        assertThat(items).extracting(RecurringItem::startDate, RecurringItem::endDate, RecurringItem::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-02-20"), BigDecimal.valueOf(2)),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-02-20"), LocalDate.parse("2026-03-25"), BigDecimal.valueOf(5)));
        assertThat(items.get(0).unitAmount()).isEqualByComparingTo("10");
    }

    @Test
    void meteredUsageEarnsEachClosedPeriodsAmountUntilTheNextCloses() {
        catalog();
        add(StripeObjectType.SUBSCRIPTION, "{'id':'sub_2','object':'subscription','customer':'cus_1','status':'canceled',"
                + "'start_date':" + t("2026-01-01") + ",'ended_at':" + t("2026-04-01")
                + ",'items':{'object':'list','data':[{'id':'si_2','object':'subscription_item','price':{'id':'price_api'},"
                + "'quantity':1}]},'metadata':{}}");
        invoice("in_6", "2026-02-01", line("sub_2", "si_2", "price_api", "2026-01-01", "2026-02-01", 1, 4200, false));
        invoice("in_7", "2026-03-01", line("sub_2", "si_2", "price_api", "2026-02-01", "2026-03-01", 1, 6100, false));
        invoice("in_8", "2026-04-01", line("sub_2", "si_2", "price_api", "2026-03-01", "2026-04-01", 1, 0, false));

        List<RecurringItem> items = map(Map.of()).items();
        assertThat(items).extracting(RecurringItem::startDate, RecurringItem::endDate, i -> i.unitAmount().stripTrailingZeros().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"), "42"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01"), "61"));
    }

    @Test
    void oneOffInvoiceItemsAreOneTimeChargesAndProrationsAreNot() {
        catalog();
        add(StripeObjectType.INVOICE_ITEM, "{'id':'ii_setup','object':'invoiceitem','customer':'cus_1','amount':50000,"
                + "'currency':'usd','date':" + t("2026-01-10") + ",'description':'Setup','proration':false,'parent':null,"
                + "'pricing':{'type':'price_details','price_details':{'product':'prod_a'}}}");
        add(StripeObjectType.INVOICE_ITEM, "{'id':'ii_credit','object':'invoiceitem','customer':'cus_1','amount':-2500,"
                + "'currency':'usd','date':" + t("2026-02-01") + ",'description':'Goodwill credit','proration':false,'parent':null}");
        add(StripeObjectType.INVOICE_ITEM, "{'id':'ii_prorate','object':'invoiceitem','customer':'cus_1','amount':1200,"
                + "'currency':'usd','date':" + t("2026-02-20") + ",'proration':true,'parent':{'type':'subscription_details',"
                + "'subscription_details':{'subscription':'sub_1'}}}");

        TenantDataset dataset = map(Map.of());
        assertThat(dataset.charges()).extracting(OneTimeCharge::id, c -> c.amount().stripTrailingZeros().toPlainString(), OneTimeCharge::productId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stripe:ii_setup", "500", "stripe:prod_a"),
                        org.assertj.core.groups.Tuple.tuple("stripe:ii_credit", "-25", null));
        assertThat(dataset.items()).isEmpty();
    }

    @Test
    void incompleteSubscriptionsWereNeverSold() {
        catalog();
        add(StripeObjectType.SUBSCRIPTION, "{'id':'sub_3','object':'subscription','customer':'cus_1','status':'incomplete_expired',"
                + "'start_date':" + t("2026-01-01") + ",'items':{'object':'list','data':[]},'metadata':{}}");
        invoice("in_9", "2026-01-01", line("sub_3", "si_3", "price_seat", "2026-01-01", "2026-02-01", 1, 1000, false));
        assertThat(map(Map.of()).items()).isEmpty();
    }
}
