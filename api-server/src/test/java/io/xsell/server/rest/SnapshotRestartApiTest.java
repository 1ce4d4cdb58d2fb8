package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.ingestion.csv.CanonicalCsvWriter;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.server.fixture.Zips;
import io.xsell.server.persistence.StoredTables;
import io.xsell.server.persistence.snapshot.SnapshotWarmUp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted server answers a tenant from the snapshot its predecessor saved when it stopped:
 * byte for byte the answers it gave before, with the tenant's rows gone from the database (so
 * they cannot have been read). Runs once per database (see the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SnapshotRestartApiTest {
    private static final String WINDOW = "from=2025-11-01&to=2026-11-01";
    private static final List<String> QUERIES = List.of(
            "/v1/metrics/cross-sell?" + WINDOW + "&segment_by=segment",
            "/v1/metrics/cross-sell?from=2024-01-01&to=2026-11-01",
            "/v1/metrics/movements?" + WINDOW + "&granularity=month",
            "/v1/metrics/penetration?date=2026-10-31",
            "/v1/analytics/basket?date=2026-10-31",
            "/v1/analytics/time-to-adoption?" + WINDOW,
            "/v1/analytics/churn-risk?" + WINDOW,
            "/v1/analytics/products-per-customer?" + WINDOW,
            "/v1/analytics/cohorts?month=2025-01");

    abstract XsellApp app();

    /** A snapshot waits far longer than the test: only the clean stop can have written it. */
    static XsellApp server(io.xsell.server.persistence.Dialect dialect) {
        return XsellApp.on(dialect).with("preparedTenants.snapshotDelay", "1h");
    }

    @Test
    void answersAfterARestartComeFromTheSnapshotByteForByte(@TempDir Path dir) throws Exception {
        CanonicalCsvWriter.write(SyntheticAccountGenerator.generate(SyntheticAccountSpec.defaults(13, 1500)), dir);
        var issued = app().createTenant("snapshot");
        String key = issued.apiKey();
        String tenantId = issued.tenant().id().value();
        app().postZip(key, Zips.folder(dir)).expectJson(201);
        Map<String, String> before = answers(key);
        Jdbi jdbi = app().instance(Jdbi.class);
        assertThat(snapshots(jdbi, tenantId)).as("not written on the request path").isZero();

        app().restart();

        Jdbi restarted = app().instance(Jdbi.class);
        assertThat(snapshots(restarted, tenantId)).as("written by the clean stop").isEqualTo(1);
        // started by the application before Jetty, restored before (or while) the first query asks
        assertThat(app().instance(SnapshotWarmUp.class).awaitStarted(2, TimeUnit.MINUTES)).as("restored at start")
                .containsExactly(issued.tenant().id());
        StoredTables.deleteItems(restarted, tenantId);
        assertThat(answers(key)).isEqualTo(before);
    }

    private Map<String, String> answers(String key) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String query : QUERIES) {
            ApiResponse response = app().get(query, key);
            assertThat(response.status()).as(query + ": " + response.text()).isEqualTo(200);
            answers.put(query, new String(response.body(), StandardCharsets.UTF_8));
        }
        return answers;
    }

    private static int snapshots(Jdbi jdbi, String tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tenant_snapshots WHERE tenant_id = ?")
                .bind(0, tenant).mapTo(Integer.class).one());
    }
}
