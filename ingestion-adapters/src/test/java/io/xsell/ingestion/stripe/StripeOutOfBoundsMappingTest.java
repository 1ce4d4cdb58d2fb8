package io.xsell.ingestion.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.xsell.core.model.Bounds;
import io.xsell.core.model.InvalidDatasetException;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.stripe.mapping.StripeAccountMapper;
import io.xsell.ingestion.stripe.mapping.StripeAmounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stripe values beyond the model's bounds (docs/import.md, Bounds) are refused with an error naming the
 * Stripe object and its field, and nothing of the account is mapped: the sync stores nothing.
 */
class StripeOutOfBoundsMappingTest {
    private final Map<StripeObjectType, List<String>> objects = new EnumMap<>(StripeObjectType.class);

    private void add(StripeObjectType type, String json) {
        objects.computeIfAbsent(type, t -> new ArrayList<>()).add(json.replace('\'', '"'));
    }

    private TenantDataset map() {
        return StripeAccountMapper.map((type, consumer) -> objects.getOrDefault(type, List.of()).forEach(consumer),
                new MappingSettings("stripe:", "USD", Map.of(), List.of()));
    }

    private static long t(String day) {
        return StripeAmounts.epoch(LocalDate.parse(day));
    }

    private void account(String customerName, long quantity, String unitAmountDecimal, long lineAmount) {
        add(StripeObjectType.CUSTOMER, "{'id':'cus_1','object':'customer','created':" + t("2026-01-01")
                + ",'name':'" + customerName + "','metadata':{}}");
        add(StripeObjectType.PRODUCT, "{'id':'prod_a','object':'product','name':'A','metadata':{}}");
        add(StripeObjectType.PRICE, "{'id':'price_seat','object':'price','currency':'usd','product':'prod_a',"
                + "'unit_amount_decimal':'" + unitAmountDecimal + "','recurring':{'interval':'month','interval_count':1,"
                + "'usage_type':'licensed'}}");
        add(StripeObjectType.SUBSCRIPTION, "{'id':'sub_1','object':'subscription','customer':'cus_1','status':'active',"
                + "'start_date':" + t("2026-01-10") + ",'items':{'object':'list','data':[{'id':'si_1',"
                + "'object':'subscription_item','price':{'id':'price_seat'},'quantity':" + quantity + "}]},'metadata':{}}");
        add(StripeObjectType.INVOICE, "{'id':'in_1','object':'invoice','customer':'cus_1','status':'paid','created':"
                + t("2026-01-10") + ",'lines':{'object':'list','has_more':false,'data':[{'id':'il_1','object':'line_item',"
                + "'amount':" + lineAmount + ",'currency':'usd','period':{'start':" + t("2026-01-10") + ",'end':"
                + t("2026-02-10") + "},'quantity':" + quantity + ",'pricing':{'type':'price_details','price_details':"
                + "{'price':'price_seat','product':'prod_a'}},'parent':{'type':'subscription_item_details',"
                + "'subscription_item_details':{'subscription':'sub_1','subscription_item':'si_1','proration':false}},"
                + "'discount_amounts':[]}]},'discounts':[]}");
    }

    @Test
    void aCleanAccountMaps() {
        account("Acme", 2, "1000", 2000);
        assertThat(map().items()).hasSize(1);
    }

    @Test
    void aMillionCharacterNameIsRefusedNamingTheCustomerAndField() {
        account("x".repeat(1_000_000), 2, "1000", 2000);
        Throwable refused = catchThrowable(this::map);
        assertThat(refused).isInstanceOf(InvalidDatasetException.class);
        assertThat(((InvalidDatasetException) refused).problems())
                .containsExactly("customer cus_1, field name: name must be at most 1000 characters, was 1000000");
    }

    @Test
    void anOutOfRangeQuantityIsRefusedNamingTheObjectAndField() {
        account("Acme", 9_000_000_000_000_000L, "1000", 2000);
        Throwable refused = catchThrowable(this::map);
        assertThat(refused).isInstanceOf(InvalidDatasetException.class);
        assertThat(((InvalidDatasetException) refused).problems()).singleElement().asString()
                .startsWith("subscription sub_1, field quantity: quantity is out of range").contains("9000000000000000");
    }

    @Test
    void anOutOfRangeAmountIsRefusedNamingTheObjectAndField() {
        account("Acme", 2, "1" + "0".repeat(400), 2000);
        Throwable refused = catchThrowable(this::map);
        assertThat(refused).isInstanceOf(InvalidDatasetException.class);
        // the 401-digit value is quoted cut, so the sync's error stays small
        assertThat(((InvalidDatasetException) refused).problems()).singleElement().asString()
                .startsWith("subscription sub_1, field unit_amount: unit_amount is out of range")
                .hasSizeLessThan(Bounds.QUOTE_MAX + 200);
    }
}
