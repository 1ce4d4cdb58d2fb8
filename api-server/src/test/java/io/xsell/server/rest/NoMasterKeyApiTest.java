package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xsell.server.persistence.Dialect;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server without a master key starts and answers everything that needs none; connecting a
 * provider, which must seal its key, is refused with 503 {@code no-master-key} naming both places
 * a key can be set, before any call to the provider, and nothing is stored.
 */
class NoMasterKeyApiTest {
    @RegisterExtension
    static final XsellApp APP = XsellApp.on(Dialect.SQLITE)
            .with("stripe.apiBase", "http://127.0.0.1:9")
            .with("chargebee.apiBase", "http://127.0.0.1:9")
            .with("scheduler.enabled", "false")
            // a blank key is no key, and is not replaced by XSELL_MASTER_KEY: the test holds wherever it runs
            .with("masterKey", "");

    @Test
    void connectingAProviderIsRefusedNamingTheSettingAndNothingIsStored() {
        String key = APP.createTenant("no-master-key").apiKey();

        for (String body : new String[] {
                "{\"api_key\":\"rk_test_unchecked\",\"reporting_currency\":\"USD\"}",
                "{\"site\":\"acme\",\"api_key\":\"live_unchecked\",\"reporting_currency\":\"USD\"}"}) {
            String provider = body.contains("site") ? "chargebee" : "stripe";
            JsonNode problem = APP.post("/v1/connections/" + provider, key, "application/json",
                    body.getBytes(StandardCharsets.UTF_8)).expectProblem(503);
            assertThat(problem.path("type").asText()).as(provider).endsWith("no-master-key");
            assertThat(problem.path("detail").asText()).as(provider).contains("masterKey", "XSELL_MASTER_KEY");
        }
        assertThat(ApiResponse.list(APP.get("/v1/connections", key).expectJson(200))).isEmpty();
    }
}
