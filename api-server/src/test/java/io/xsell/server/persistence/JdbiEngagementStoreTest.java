package io.xsell.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.engagement.BatchKind;
import io.xsell.core.engagement.DuplicateBatchException;
import io.xsell.core.engagement.EngagementBatch;
import io.xsell.core.model.Campaign;
import io.xsell.core.model.Customer;
import io.xsell.core.model.EngagementData;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.model.Touchpoint;
import io.xsell.core.model.UsageEvent;
import io.xsell.core.model.UsageLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbiEngagementStoreTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00.123456Z");
    private static final LocalDate DAY = LocalDate.parse("2025-03-01");

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    private static EngagementBatch batch(TenantId tenant, String key, BatchKind kind, int rows) {
        return new EngagementBatch(tenant, key, kind, "sha256:" + key, rows, T0);
    }

    private static Campaign campaign(String id, String cost) {
        return new Campaign(id, "Name of " + id, "email", new BigDecimal(cost), "USD", DAY, DAY.plusDays(30), "crm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesBatchesOnceAndLoadsThemBack(TestDatabase database) {
        TenantId tenant = JdbiTenantDataStoreTest.createTenant(database, "USD");
        JdbiEngagementStore store = new JdbiEngagementStore(database.jdbi(), 3);
        // ids that would break a naive CSV or COPY: separators, quotes, a line break, a backslash
        String awkward = "c,\"1\"\n\\x";
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(new UsageEvent(i % 2 == 0 ? awkward : "c2", "feature " + (i % 3), DAY.plusDays(i), i + 1));
        }

        store.saveCampaigns(batch(tenant, "k1", BatchKind.CAMPAIGNS, 1), List.of(campaign("k", "12.50")));
        store.saveTouchpoints(batch(tenant, "k2", BatchKind.TOUCHPOINTS, 2),
                List.of(new Touchpoint(awkward, "k", DAY), new Touchpoint("c2", "k", DAY)));
        store.saveUsageEvents(batch(tenant, "k3", BatchKind.USAGE_EVENTS, 10), events);

        assertThat(store.findBatch(tenant, "k3")).contains(batch(tenant, "k3", BatchKind.USAGE_EVENTS, 10));
        assertThat(store.findBatch(tenant, "k4")).isEmpty();
        assertThat(store.campaignIds(tenant)).containsExactly("k");
        assertThat(store.engagementVersion(tenant)).isEqualTo(3);
        EngagementData loaded = new JdbiEngagementStore(database.jdbi()).loadEngagementData(tenant);
        assertThat(loaded.campaigns()).containsExactly(campaign("k", "12.50"));
        assertThat(loaded.touchpoints()).containsExactly(new Touchpoint(awkward, "k", DAY), new Touchpoint("c2", "k", DAY));
        List<UsageEvent> back = new ArrayList<>();
        loaded.usage().forEach((c, f, d, n) -> back.add(new UsageEvent(c, f, LocalDate.ofEpochDay(d), n)));
        assertThat(back).containsExactlyInAnyOrderElementsOf(events);

        assertThatThrownBy(() -> store.saveUsageEvents(batch(tenant, "k3", BatchKind.USAGE_EVENTS, 10), events))
                .isInstanceOf(DuplicateBatchException.class);
        assertThat(new JdbiEngagementStore(database.jdbi()).loadEngagementData(tenant).usage().size())
                .as("the duplicate wrote nothing").isEqualTo(10);
        assertThat(store.engagementVersion(tenant)).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLoadIsReusedUntilABatchOrAnImportChangesTheData(TestDatabase database) {
        TenantId tenant = JdbiTenantDataStoreTest.createTenant(database, "USD");
        JdbiEngagementStore store = new JdbiEngagementStore(database.jdbi());
        store.saveCampaigns(batch(tenant, "a", BatchKind.CAMPAIGNS, 1), List.of(campaign("k", "1")));
        EngagementData first = store.loadEngagementData(tenant);
        assertThat(store.loadEngagementData(tenant)).isSameAs(first);

        // an API campaign of the same id replaces the earlier one
        store.saveCampaigns(batch(tenant, "b", BatchKind.CAMPAIGNS, 1), List.of(campaign("k", "2")));
        EngagementData second = store.loadEngagementData(tenant);
        assertThat(second).isNotSameAs(first);
        assertThat(second.campaigns()).containsExactly(campaign("k", "2"));

        // a CSV import brings its own campaigns and usage; the API's version of a shared id wins
        TenantDataset imported = TenantDataset.of("USD", List.of(Customer.of("c1", Map.of())), List.of(), List.of(),
                List.of(), List.of()).withEngagement(EngagementData.of(List.of(campaign("k", "3"), campaign("csv", "4")),
                List.of(new Touchpoint("c1", "csv", DAY)), UsageLog.builder().add("c1", "f", DAY, 2).build()));
        new JdbiTenantDataStore(database.jdbi()).replaceTenantData(tenant, "csv", imported, "sha256:x", T0);
        EngagementData third = store.loadEngagementData(tenant);
        assertThat(third.campaigns()).containsExactlyInAnyOrder(campaign("k", "2"), campaign("csv", "4"));
        assertThat(third.touchpoints()).containsExactly(new Touchpoint("c1", "csv", DAY));
        assertThat(third.usage().totalCount()).isEqualTo(2);
        assertThat(new JdbiTenantDataStore(database.jdbi()).loadTenantData(tenant).engagement().isEmpty())
                .as("billing loads do not carry engagement data").isTrue();

        // the next import without engagement files replaces the CSV source's engagement rows
        TenantDataset plain = TenantDataset.of("USD", List.of(Customer.of("c1", Map.of())), List.of(), List.of(),
                List.of(), List.of());
        new JdbiTenantDataStore(database.jdbi()).replaceTenantData(tenant, "csv", plain, "sha256:y", T0);
        EngagementData fourth = store.loadEngagementData(tenant);
        assertThat(fourth.campaigns()).containsExactly(campaign("k", "2"));
        assertThat(fourth.touchpoints()).isEmpty();
        assertThat(fourth.usage().isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLoadAfterBatchesReadsOnlyTheirRowsAndEqualsAFullLoad(TestDatabase database) {
        TenantId tenant = JdbiTenantDataStoreTest.createTenant(database, "USD");
        TenantDataset imported = TenantDataset.of("USD", List.of(Customer.of("c1", Map.of()), Customer.of("c2", Map.of())),
                List.of(), List.of(), List.of(), List.of()).withEngagement(EngagementData.of(List.of(campaign("csv", "4")),
                List.of(new Touchpoint("c1", "csv", DAY)), UsageLog.builder().add("c1", "f", DAY, 2).build()));
        new JdbiTenantDataStore(database.jdbi()).replaceTenantData(tenant, "csv", imported, "sha256:x", T0);
        JdbiEngagementStore store = new JdbiEngagementStore(database.jdbi());
        EngagementData before = store.loadEngagementData(tenant);

        store.saveTouchpoints(batch(tenant, "t", BatchKind.TOUCHPOINTS, 1), List.of(new Touchpoint("c2", "csv", DAY)));
        store.saveUsageEvents(batch(tenant, "u1", BatchKind.USAGE_EVENTS, 2),
                List.of(new UsageEvent("c2", "g", DAY, 3), new UsageEvent("c1", "f", DAY, 4)));
        EngagementData appended = store.loadEngagementData(tenant);
        store.saveCampaigns(batch(tenant, "k", BatchKind.CAMPAIGNS, 1), List.of(campaign("csv", "9")));
        store.saveUsageEvents(batch(tenant, "u2", BatchKind.USAGE_EVENTS, 1), List.of(new UsageEvent("c3", "h", DAY, 5)));
        EngagementData again = store.loadEngagementData(tenant);
        EngagementData full = new JdbiEngagementStore(database.jdbi()).loadEngagementData(tenant);

        assertThat(appended.usage().totalCount()).isEqualTo(2 + 3 + 4);
        assertThat(appended.usage().size()).isEqualTo(before.usage().size() + 2);
        assertThat(again.campaigns()).containsExactly(campaign("csv", "9")).isEqualTo(full.campaigns());
        assertThat(again.touchpoints()).isEqualTo(full.touchpoints())
                .containsExactly(new Touchpoint("c1", "csv", DAY), new Touchpoint("c2", "csv", DAY));
        assertThat(events(again)).containsExactlyInAnyOrderElementsOf(events(full)).hasSize(4);
    }

    private static List<UsageEvent> events(EngagementData data) {
        List<UsageEvent> events = new ArrayList<>();
        data.usage().forEach((c, f, d, n) -> events.add(new UsageEvent(c, f, LocalDate.ofEpochDay(d), n)));
        return events;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUnknownTenantIsRefused(TestDatabase database) {
        JdbiEngagementStore store = new JdbiEngagementStore(database.jdbi());
        TenantId nobody = new TenantId("nobody");
        assertThatThrownBy(() -> store.saveCampaigns(batch(nobody, "a", BatchKind.CAMPAIGNS, 1), List.of(campaign("k", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown tenant");
        assertThatThrownBy(() -> store.loadEngagementData(nobody)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void parsesStoredDatesWithoutTheFormatter() {
        assertThat(EngagementReader.epochDay("2025-03-01")).isEqualTo((int) DAY.toEpochDay());
        assertThat(EngagementReader.epochDay("1999-12-31")).isEqualTo((int) LocalDate.parse("1999-12-31").toEpochDay());
    }
}
