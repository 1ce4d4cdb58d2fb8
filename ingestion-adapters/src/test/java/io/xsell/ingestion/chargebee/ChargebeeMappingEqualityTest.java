package io.xsell.ingestion.chargebee;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.xsell.core.metrics.CrossSellCalculator;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.MrrTimeline;
import io.xsell.ingestion.chargebee.fake.ChargebeeFakeServer;
import io.xsell.ingestion.chargebee.fake.InMemoryChargebeeMirror;
import io.xsell.ingestion.chargebee.mapping.ChargebeeAccountMapper;
import io.xsell.ingestion.chargebee.sync.ChargebeeEvents;
import io.xsell.ingestion.chargebee.sync.ChargebeeRecords;
import io.xsell.ingestion.chargebee.synthetic.ChargebeeFakeObject;
import io.xsell.ingestion.chargebee.synthetic.SyntheticChargebeeAccount;
import io.xsell.ingestion.csv.CanonicalCsvImporter;
import io.xsell.ingestion.csv.CanonicalCsvWriter;
import io.xsell.ingestion.provider.MappingSettings;
import io.xsell.ingestion.stripe.RoundedReport;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated 2,000-customer Chargebee site, mapped straight from its resources, gives each
 * customer the MRR history of the same account written as canonical CSV, and the same cross-sell
 * report to the cent on several windows.
 */
class ChargebeeMappingEqualityTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    static final Window[] WINDOWS = {Window.of("2025-11-01", "2026-11-01"), Window.of("2026-07-01", "2026-10-01"),
            Window.of("2025-08-01", "2025-09-01"), Window.of("2026-10-01", "2026-11-01"),
            Window.of("2025-11-01", "2026-05-01")};

    static SyntheticChargebeeAccount account(int customers) {
        TenantDataset generated = SyntheticAccountGenerator.generate(new SyntheticAccountSpec(20261204L, customers,
                LocalDate.of(2025, 7, 1), AS_OF, "USD"));
        return SyntheticChargebeeAccount.of(generated, AS_OF, 18L);
    }

    /**
     * The site as listed at {@code cutOff}, applied to a mirror, with its {@code subscription_changed}
     * events before then (what a backfill reads from the events list).
     */
    static InMemoryChargebeeMirror mirrorAsOf(SyntheticChargebeeAccount account, long cutOff) {
        InMemoryChargebeeMirror mirror = new InMemoryChargebeeMirror();
        for (String type : ChargebeeRecords.TYPES) {
            for (ChargebeeFakeObject object : account.asOf(type, cutOff)) {
                mirror.apply(List.of(ChargebeeRecords.of(type, JsonParser.parseString(object.json()).getAsJsonObject(),
                        false)));
            }
        }
        for (ChargebeeFakeObject version : account.versions()) {
            if (version.at() < cutOff && version.event().equals("subscription_changed")) {
                mirror.apply(ChargebeeEvents.records(ChargebeeFakeServer.event(version, null)));
            }
        }
        return mirror;
    }

    static MappingSettings settings(TenantDataset csv) {
        return new MappingSettings("cb:", "USD", Map.of(), csv.rates());
    }

    static Map<String, String> mrrHistory(MrrLedger ledger, String prefix) {
        Map<String, String> result = new TreeMap<>();
        for (int c = 0; c < ledger.customerCount(); c++) {
            MrrTimeline timeline = ledger.timeline(c);
            StringBuilder text = new StringBuilder();
            for (int day : timeline.changeDays()) {
                text.append(LocalDate.ofEpochDay(day)).append('=')
                        .append(timeline.mrrOn(day).setScale(4, RoundingMode.HALF_EVEN)).append(' ');
            }
            result.put(ledger.customer(c).id().substring(prefix.length()), text.toString());
        }
        return result;
    }

    static Map<String, String> reports(TenantDataset dataset, Window... windows) {
        MrrLedger ledger = MrrLedger.of(dataset);
        Map<String, String> reports = new LinkedHashMap<>();
        for (Window window : windows) {
            reports.put(window.toString(), RoundedReport.of(CrossSellCalculator.report(ledger, window, "segment")));
        }
        return reports;
    }

    @Test
    void mappedChargebeeSiteGivesTheMetricsOfTheCanonicalCsvToTheCent(@TempDir Path dir) throws Exception {
        SyntheticChargebeeAccount account = account(2000);
        CanonicalCsvWriter.write(account.canonical(), dir);
        TenantDataset csv = new CanonicalCsvImporter().importFolder(dir, "USD");
        TenantDataset chargebee = ChargebeeAccountMapper.map(mirrorAsOf(account, Long.MAX_VALUE), settings(csv));

        Map<String, String> expected = mrrHistory(MrrLedger.of(csv), "");
        Map<String, String> actual = mrrHistory(MrrLedger.of(chargebee), "cb:");
        List<String> different = expected.keySet().stream().filter(c -> !expected.get(c).equals(actual.get(c)))
                .map(c -> c + "\n  csv       " + expected.get(c) + "\n  chargebee " + actual.get(c)).toList();
        assertThat(different).as("customers whose MRR history differs: %d of %d", different.size(), expected.size())
                .isEmpty();
        assertThat(reports(chargebee, WINDOWS)).isEqualTo(reports(csv, WINDOWS));

        assertThat(chargebee.customers()).hasSize(csv.customers().size());
        assertThat(chargebee.charges()).hasSize(csv.charges().size());
        assertThat(chargebee.items()).anyMatch(i -> i.trialEnd() != null).anyMatch(i -> i.endDate() != null)
                .anyMatch(i -> i.bundleId() != null).anyMatch(i -> i.discountAmount() != null)
                .anyMatch(i -> i.discountPercent() != null);
        assertThat(chargebee.items().stream().map(i -> i.currency()).distinct()).hasSizeGreaterThanOrEqualTo(2);
        List<ChargebeeFakeObject> all = account.versions();
        assertThat(all).filteredOn(v -> v.type().equals("coupon")).extracting(v -> field(v, "duration_type"))
                .contains("forever", "limited_period", "one_time");
        assertThat(all).filteredOn(v -> v.type().equals("coupon")).extracting(v -> field(v, "discount_type"))
                .contains("percentage", "fixed_amount");
        assertThat(all).filteredOn(v -> v.type().equals("subscription")).extracting(v -> field(v, "status"))
                .contains("in_trial", "active", "non_renewing", "paused", "cancelled");
        assertThat(all).filteredOn(v -> v.type().equals("credit_note")).extracting(v -> field(v, "reason_code"))
                .contains("subscription_change", "subscription_cancellation");
        assertThat(all).filteredOn(v -> v.type().equals("item")).extracting(v -> field(v, "type"))
                .contains("plan", "addon", "charge");
        assertThat(all).filteredOn(v -> v.type().equals("invoice") && JsonParser.parseString(v.json()).getAsJsonObject()
                .getAsJsonArray("line_item_discounts").size() > 1).as("lines with two recurring coupons").hasSizeGreaterThan(100);
        assertThat(chargebee.items()).as("a fixed amount and a percentage on one line")
                .anyMatch(i -> i.discountAmount() != null && i.discountPercent() != null);
        assertThat(account.refunds()).as("one-off charges refunded by credit notes").hasSizeGreaterThan(20);
        assertThat(chargebee.charges()).as("refunds are negative one-time charges on the credit note's day")
                .anyMatch(c -> c.amount().signum() < 0);
        assertThat(account.unproratedChanges()).as("mid-term changes made with prorate=false").isGreaterThan(50);
        assertThat(account.scheduledChanges()).as("changes scheduled for a term's end").isGreaterThan(15);
        assertThat(all).filteredOn(v -> v.event().equals("subscription_changes_scheduled"))
                .allMatch(v -> field(v, "has_scheduled_changes").equals("true") && field(v, "changes_scheduled_at") != null);
        assertThat(all).filteredOn(v -> v.event().equals("subscription_changed")).extracting(ChargebeeFakeObject::source)
                .contains("admin_console", "scheduled_job");
    }

    static String field(ChargebeeFakeObject object, String name) {
        var value = JsonParser.parseString(object.json()).getAsJsonObject().get(name);
        return value == null ? null : value.getAsString();
    }
}
