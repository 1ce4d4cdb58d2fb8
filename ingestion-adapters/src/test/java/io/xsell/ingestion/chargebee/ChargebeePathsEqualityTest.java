package io.xsell.ingestion.chargebee;

import static io.xsell.ingestion.chargebee.ChargebeeMappingEqualityTest.reports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.chargebee.api.ChargebeeApi;
import io.xsell.ingestion.chargebee.api.ChargebeeCallFailedException;
import io.xsell.ingestion.chargebee.api.ChargebeeSettings;
import io.xsell.ingestion.chargebee.fake.ChargebeeFakeServer;
import io.xsell.ingestion.chargebee.fake.InMemoryChargebeeMirror;
import io.xsell.ingestion.chargebee.mapping.ChargebeeAccountMapper;
import io.xsell.ingestion.chargebee.mapping.ChargebeeAmounts;
import io.xsell.ingestion.chargebee.sync.ChargebeeBackfill;
import io.xsell.ingestion.chargebee.sync.ChargebeeEvents;
import io.xsell.ingestion.chargebee.sync.ChargebeeRecords;
import io.xsell.ingestion.chargebee.sync.EventCursor;
import io.xsell.ingestion.chargebee.synthetic.SyntheticChargebeeAccount;
import io.xsell.ingestion.csv.CanonicalCsvImporter;
import io.xsell.ingestion.csv.CanonicalCsvWriter;
import io.xsell.ingestion.provider.BackfillCheckpoints;
import io.xsell.ingestion.provider.ProviderRecord;
import io.xsell.ingestion.provider.SyncProgress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated 2,000-customer site reaches xsell through the double over HTTP: a backfill of the
 * site as it stood at a cut-off, then the Events API from the backfill's cursor (in order, or
 * delivered twice and out of order). Windows ending before the cut-off equal the CSV import after
 * the backfill alone and do not move when the events arrive; every window equals it afterwards.
 * 429 storms with Retry-After, 5xx, dropped connections and a backfill killed midway and resumed
 * give the very same mirror as an undisturbed backfill.
 */
class ChargebeePathsEqualityTest {
    static final String KEY = "test_cbpaths1234";
    static final LocalDate CUT_OFF = LocalDate.of(2026, 6, 1);
    static final Window[] BEFORE_CUT_OFF = {Window.of("2025-08-01", "2025-09-01"),
            Window.of("2025-11-01", "2026-05-01")};

    static SyntheticChargebeeAccount account;
    static TenantDataset csv;
    static Map<String, String> expected;
    static Map<String, String> expectedBefore;
    static Map<String, String> cleanMirror;

    @BeforeAll
    static void account(@TempDir Path dir) throws Exception {
        account = ChargebeeMappingEqualityTest.account(2000);
        CanonicalCsvWriter.write(account.canonical(), dir);
        csv = new CanonicalCsvImporter().importFolder(dir, "USD");
        expected = reports(csv, ChargebeeMappingEqualityTest.WINDOWS);
        expectedBefore = reports(csv, BEFORE_CUT_OFF);
        try (ChargebeeFakeServer site = site()) {
            InMemoryChargebeeMirror mirror = new InMemoryChargebeeMirror();
            backfill(api(site, 3), mirror);
            cleanMirror = contents(mirror);
        }
    }

    static long cutOff() {
        return ChargebeeAmounts.epoch(CUT_OFF);
    }

    static ChargebeeFakeServer site() {
        return new ChargebeeFakeServer(account, cutOff(), KEY);
    }

    static ChargebeeApi api(ChargebeeFakeServer site, int attempts) {
        return new ChargebeeApi(ChargebeeSettings.defaults("acme-test", KEY, site.baseUri()).withRate(2000)
                .withRetries(attempts, Duration.ofMillis(5), Duration.ofMillis(50)));
    }

    static EventCursor backfill(ChargebeeApi api, BackfillCheckpoints checkpoints) throws InterruptedException {
        Clock atCutOff = Clock.fixed(Instant.ofEpochSecond(cutOff()), ZoneOffset.UTC);
        return new ChargebeeBackfill(api, checkpoints, atCutOff).run(SyncProgress.NONE);
    }

    static Map<String, String> contents(InMemoryChargebeeMirror mirror) {
        Map<String, String> contents = new TreeMap<>();
        for (String type : ChargebeeRecords.RECORD_TYPES) {
            for (ProviderRecord record : mirror.records(type)) {
                contents.put(type + "/" + record.id(), record.version() + " " + record.json());
            }
        }
        return contents;
    }

    static TenantDataset map(InMemoryChargebeeMirror mirror) {
        return ChargebeeAccountMapper.map(mirror, ChargebeeMappingEqualityTest.settings(csv));
    }

    @Test
    void backfillThenEventsApiEqualsTheCsvImportAndEarlierWindowsDoNotMove() throws Exception {
        try (ChargebeeFakeServer site = site()) {
            ChargebeeApi api = api(site, 3);
            InMemoryChargebeeMirror mirror = new InMemoryChargebeeMirror();
            EventCursor cursor = backfill(api, mirror);
            assertThat(cursor.occurredAt()).isLessThan(cutOff());
            assertThat(reports(map(mirror), BEFORE_CUT_OFF)).as("after the backfill alone").isEqualTo(expectedBefore);

            site.publishUntil(Long.MAX_VALUE);
            assertThat(site.publishedEvents()).hasSizeGreaterThan(1000);
            List<EventCursor> cursors = new ArrayList<>();
            new ChargebeeEvents(api).readAfter(cursor, (events, next) -> {
                events.forEach(event -> mirror.apply(ChargebeeEvents.records(event)));
                cursors.add(next);
            });
            assertThat(cursors).hasSizeGreaterThan(10);
            assertThat(reports(map(mirror), BEFORE_CUT_OFF)).as("earlier windows after the events")
                    .isEqualTo(expectedBefore);
            assertThat(reports(map(mirror), ChargebeeMappingEqualityTest.WINDOWS)).isEqualTo(expected);

            // reading again from the last cursor finds only what it had (the cursor's own second) and changes nothing
            Map<String, String> before = contents(mirror);
            EventCursor last = cursors.get(cursors.size() - 1);
            AtomicInteger again = new AtomicInteger();
            new ChargebeeEvents(api).readAfter(last, (events, next) -> {
                again.addAndGet(events.size());
                events.forEach(event -> mirror.apply(ChargebeeEvents.records(event)));
            });
            assertThat(again.get()).isLessThan(20);
            assertThat(contents(mirror)).isEqualTo(before);
        }
    }

    @Test
    void eventsDeliveredTwiceAndOutOfOrderGiveTheSameResult() throws Exception {
        try (ChargebeeFakeServer site = site()) {
            ChargebeeApi api = api(site, 3);
            InMemoryChargebeeMirror mirror = new InMemoryChargebeeMirror();
            backfill(api, mirror);
            site.publishUntil(Long.MAX_VALUE);
            List<JsonObject> first = new ArrayList<>(site.publishedEvents());
            SplittableRandom random = new SplittableRandom(18);
            for (int i = 0; i + 1 < first.size(); i += 2) {
                if (random.nextBoolean()) {
                    Collections.swap(first, i, i + 1);
                }
            }
            List<JsonObject> second = new ArrayList<>(site.publishedEvents());
            Collections.reverse(second);
            for (JsonObject event : first) {
                // a webhook names the event; it is trusted only as the API returns it
                mirror.apply(ChargebeeEvents.records(api.retrieveEvent(ChargebeeEvents.id(event))));
            }
            second.forEach(event -> mirror.apply(ChargebeeEvents.records(event)));
            assertThat(reports(map(mirror), ChargebeeMappingEqualityTest.WINDOWS)).isEqualTo(expected);
        }
    }

    @Test
    void stormsOf429ServerErrorsAndDroppedConnectionsGiveTheSameMirror() throws Exception {
        try (ChargebeeFakeServer site = site()) {
            site.faults((n, url) -> {
                if (n >= 5 && n < 8 || n >= 200 && n < 202) {
                    return Optional.of(ChargebeeFakeServer.tooManyRequests(1));
                }
                if (n % 37 == 0) {
                    return Optional.of(ChargebeeFakeServer.serverError());
                }
                if (n % 53 == 0) {
                    return Optional.of(ChargebeeFakeServer.droppedConnection());
                }
                return Optional.empty();
            });
            ChargebeeApi api = api(site, 6);
            InMemoryChargebeeMirror mirror = new InMemoryChargebeeMirror();
            backfill(api, mirror);
            assertThat(site.waitsAfterTooManyRequests()).as("each retry waits for Retry-After: 1 s")
                    .isNotEmpty().allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(1000L));
            assertThat(api.retries()).isGreaterThanOrEqualTo(5);
            assertThat(contents(mirror)).isEqualTo(cleanMirror);
        }
    }

    @Test
    void aBackfillKilledMidwayResumesFromItsCheckpointsToTheSameMirror() throws Exception {
        try (ChargebeeFakeServer site = site()) {
            InMemoryChargebeeMirror mirror = new InMemoryChargebeeMirror();
            AtomicInteger saves = new AtomicInteger();
            BackfillCheckpoints killedAfter40 = new BackfillCheckpoints() {
                @Override
                public String offset(String listName) {
                    return mirror.offset(listName);
                }

                @Override
                public void save(String listName, String nextOffset, List<ProviderRecord> records) {
                    if (saves.incrementAndGet() > 40) {
                        throw new IllegalStateException("killed");
                    }
                    mirror.save(listName, nextOffset, records);
                }
            };
            assertThatThrownBy(() -> backfill(api(site, 3), killedAfter40)).hasMessage("killed");
            int requestsBefore = site.requests();
            EventCursor resumed = backfill(api(site, 3), mirror);
            assertThat(site.requests() - requestsBefore).as("the resumed run skips the pages stored")
                    .isLessThan(requestsBefore + cleanMirror.size() / 100 - 35);
            assertThat(contents(mirror)).isEqualTo(cleanMirror);
            assertThat(resumed.occurredAt()).isLessThan(cutOff());
        }
    }

    @Test
    void aRefusedKeyAndAnUnreachableSiteAreTold() {
        try (ChargebeeFakeServer site = site()) {
            ChargebeeApi wrong = new ChargebeeApi(ChargebeeSettings.defaults("acme-test", "wrong_key", site.baseUri()));
            assertThatThrownBy(wrong::checkKey).isInstanceOfSatisfying(ChargebeeCallFailedException.class, e -> {
                assertThat(e.isKeyRefused()).isTrue();
                assertThat(e.apiErrorCode()).isEqualTo("api_authentication_failed");
                assertThat(e.getMessage()).doesNotContain("wrong_key");
            });
            api(site, 1).checkKey();
        }
        ChargebeeApi nowhere = new ChargebeeApi(ChargebeeSettings.defaults("acme-test", KEY, URI.create("http://127.0.0.1:9"))
                .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2)));
        assertThatThrownBy(nowhere::checkKey).isInstanceOfSatisfying(ChargebeeCallFailedException.class,
                e -> assertThat(e.unreachable()).isTrue());
        assertThat(ChargebeeSettings.defaults("acme-test", "secret_key_1", null).toString()).doesNotContain("secret_key_1")
                .contains("acme-test.chargebee.com");
    }
}
