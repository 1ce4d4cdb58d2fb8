package io.xsell.server.rest;

import io.xsell.server.fixture.Zips;
import io.xsell.server.fixture.WorkedExample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.server.cache.ResponseCache;
import io.xsell.server.persistence.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The metric response cache as clients see it: an identical request is answered from the cache at
 * the same {@code X-Data-Version}; an import raises the version, so the next answer is computed
 * from the new data. Runs once per database (see the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ResponseCacheApiTest {
    private static final String WINDOW = "from=" + WorkedExample.FROM + "&to=" + WorkedExample.TO;

    abstract XsellApp app();

    static XsellApp server(Dialect dialect) {
        return XsellApp.on(dialect);
    }

    private ResponseCache cache() {
        return app().instance(ResponseCache.class);
    }

    @Test
    void anIdenticalRequestIsServedFromTheCacheUntilAnImportRaisesTheDataVersion() {
        String key = app().createTenant("cache").apiKey();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
        String crossSell = "/v1/metrics/cross-sell?" + WINDOW;

        long before = cache().size();
        ApiResponse first = app().get(crossSell, key);
        assertThat(first.expectJson(200).path("cohort_cross_sell_mrr").toString()).isEqualTo("89000.00");
        assertThat(first.dataVersion()).isEqualTo(1);
        assertThat(cache().size()).isEqualTo(before + 1);

        ApiResponse second = app().get(crossSell, key);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.dataVersion()).isEqualTo(first.dataVersion());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(cache().size()).as("served from the cache, not computed and stored again").isEqualTo(before + 1);

        // a different request is a different entry, cached in turn
        ApiResponse segmented = app().get(crossSell + "&segment_by=segment", key);
        assertThat(segmented.expectJson(200).has("by_segment")).isTrue();
        assertThat(cache().size()).isEqualTo(before + 2);
        app().get(crossSell + "&segment_by=segment", key).expectJson(200);
        assertThat(cache().size()).isEqualTo(before + 2);

        // refused requests are never cached
        app().get("/v1/metrics/cross-sell?from=2025-01-01", key).expectBadParameter("to");
        app().get(crossSell + "&segment_by=industry", key).expectBadParameter("segment_by");
        assertThat(cache().size()).isEqualTo(before + 2);

        JsonNode imported = app().postZip(key, Zips.zip(WorkedExample.changedFiles())).expectJson(201);
        assertThat(imported.path("data_version").asLong()).isEqualTo(2);

        ApiResponse afterImport = app().get(crossSell, key);
        JsonNode fresh = afterImport.expectJson(200);
        assertThat(afterImport.dataVersion()).isEqualTo(2);
        assertThat(fresh.path("cohort_cross_sell_mrr").toString()).isEqualTo("47000.00");
        assertThat(fresh.path("starting_mrr").toString()).isEqualTo("870000.00");
        assertThat(cache().size()).isEqualTo(before + 3);
        ApiResponse again = app().get(crossSell, key);
        assertThat(again.dataVersion()).isEqualTo(2);
        assertThat(again.body()).isEqualTo(afterImport.body());
        assertThat(cache().size()).isEqualTo(before + 3);

        // an unchanged import leaves the version, and so the cached answer, as it was
        assertThat(app().postZip(key, Zips.rezipped(WorkedExample.changedFiles())).expectJson(200)
                .path("status").asText()).isEqualTo("unchanged");
        ApiResponse afterUnchanged = app().get(crossSell, key);
        assertThat(afterUnchanged.dataVersion()).isEqualTo(2);
        assertThat(afterUnchanged.body()).isEqualTo(afterImport.body());
        assertThat(cache().size()).isEqualTo(before + 3);
    }

    @Test
    void movementsAndPenetrationAreCachedPerDataVersionToo() {
        String key = app().createTenant("cache-other").apiKey();
        app().postZip(key, WorkedExample.zip()).expectJson(201);

        for (String request : List.of("/v1/metrics/movements?" + WINDOW + "&granularity=month",
                "/v1/metrics/penetration?date=2025-12-31")) {
            long before = cache().size();
            ApiResponse first = app().get(request, key);
            first.expectJson(200);
            assertThat(cache().size()).as(request).isEqualTo(before + 1);
            ApiResponse second = app().get(request, key);
            assertThat(second.dataVersion()).isEqualTo(first.dataVersion()).isEqualTo(1);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(cache().size()).as(request).isEqualTo(before + 1);
        }

        app().postZip(key, Zips.zip(WorkedExample.changedFiles())).expectJson(201);
        ApiResponse penetration = app().get("/v1/metrics/penetration?date=2025-12-31", key);
        assertThat(penetration.dataVersion()).isEqualTo(2);
        assertThat(penetration.expectJson(200).path("active_customers").asLong()).isEqualTo(87);
        ApiResponse movements = app().get("/v1/metrics/movements?" + WINDOW + "&granularity=month", key);
        assertThat(movements.dataVersion()).isEqualTo(2);
        JsonNode periods = movements.expectJson(200).path("periods");
        assertThat(periods.get(2).path("cross_sell_mrr").toString()).as("March, without product B").isEqualTo("0.00");
    }
}
