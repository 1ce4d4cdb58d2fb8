package io.xsell.ingestion.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.stripe.mapping.StripeAccountMapper;
import io.xsell.ingestion.stripe.synthetic.StripeFakeObject;
import io.xsell.ingestion.stripe.synthetic.SyntheticStripeAccount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A subscription that Stripe reports canceled stops earning from its {@code ended_at}, whatever its invoices say. */
class StripeCancellationMappingTest {

    @Test
    void aCanceledSubscriptionEarnsNothingAfterItsEnd() {
        SyntheticStripeAccount account = StripeMappingEqualityTest.account(200);
        StripeFakeObject active = account.objects(StripeObjectType.SUBSCRIPTION).stream()
                .filter(o -> o.json().contains("\"status\":\"active\"") && o.json().contains("\"cancel_at\":null")
                        && o.created() < 1788220800L)
                .findFirst().orElseThrow();
        JsonObject canceled = JsonParser.parseString(active.json()).getAsJsonObject();
        canceled.addProperty("status", "canceled");
        canceled.addProperty("ended_at", 1790812800L); // 2026-10-01
        MappingSettings settings = new MappingSettings("stripe:", "USD", Map.of(), account.canonical().rates());

        BigDecimal before = mrrOn(StripeAccountMapper.map(new InMemorySnapshot(account), settings));
        BigDecimal after = mrrOn(StripeAccountMapper.map((type, json) -> {
            for (StripeFakeObject object : account.objects(type)) {
                json.accept(object.id().equals(active.id()) ? canceled.toString() : object.json());
            }
        }, settings));
        assertThat(after).isLessThan(before);
    }

    private static BigDecimal mrrOn(TenantDataset dataset) {
        MrrLedger ledger = MrrLedger.of(dataset);
        BigDecimal total = BigDecimal.ZERO;
        int day = (int) LocalDate.of(2026, 10, 31).toEpochDay();
        for (int c = 0; c < ledger.customerCount(); c++) {
            total = total.add(ledger.timeline(c).mrrOn(day));
        }
        return total;
    }
}
