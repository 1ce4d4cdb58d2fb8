package io.xsell.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import org.junit.jupiter.api.Test;

/**
 * The master key seals every provider's secrets, so its setting is the top-level {@code masterKey};
 * configurations written before Chargebee, with {@code stripe.masterKey}, keep working.
 */
class MasterKeySettingTest {
    private static final ObjectMapper YAML_AS_JSON = Jackson.newObjectMapper();

    private static XsellConfiguration read(String json) throws Exception {
        return YAML_AS_JSON.readValue(json, XsellConfiguration.class);
    }

    @Test
    void theNeutralSettingIsRead() throws Exception {
        assertThat(read("{\"masterKey\":\"neutral\"}").masterKey()).isEqualTo("neutral");
    }

    @Test
    void theFormerStripeSettingIsStillAcceptedAndTheNeutralOneWins() throws Exception {
        assertThat(read("{\"stripe\":{\"masterKey\":\"former\"}}").masterKey()).isEqualTo("former");
        assertThat(read("{\"masterKey\":\"neutral\",\"stripe\":{\"masterKey\":\"former\"}}").masterKey())
                .isEqualTo("neutral");
    }

    @Test
    void noSettingLeavesItToTheEnvironment() throws Exception {
        assertThat(read("{}").masterKey()).isNull();
    }
}
