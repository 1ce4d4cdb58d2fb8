package io.xsell.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.model.TenantId;
import io.xsell.server.tenant.ApiKeyInfo;
import io.xsell.server.tenant.Tenant;
import io.xsell.server.tenant.TenantExistsException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbiTenantRegistryTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void createsListsAndFindsTenants(TestDatabase database) {
        JdbiTenantRegistry registry = new JdbiTenantRegistry(database.jdbi());
        String prefix = uniqueName();
        Tenant beta = tenant(prefix + "-beta", "EUR", T0.plusNanos(123_456_789));
        Tenant alpha = tenant(prefix + "-alpha", "USD", T0);

        registry.create(beta);
        registry.create(alpha);

        assertThat(registry.list()).filteredOn(t -> t.name().startsWith(prefix)).containsExactly(alpha, beta);
        assertThat(registry.findByName(beta.name())).contains(beta);
        assertThat(registry.findById(alpha.id())).contains(alpha);
        assertThat(registry.findByName(prefix + "-gamma")).isEmpty();
        assertThat(registry.findById(new TenantId(UUID.randomUUID().toString()))).isEmpty();
        assertThat(registry.dataVersion(alpha.id())).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void refusesASecondTenantOfTheSameName(TestDatabase database) {
        JdbiTenantRegistry registry = new JdbiTenantRegistry(database.jdbi());
        Tenant first = tenant(uniqueName(), "USD", T0);
        registry.create(first);

        Tenant sameName = tenant(first.name(), "EUR", T0.plusSeconds(1));
        assertThatThrownBy(() -> registry.create(sameName))
                .isInstanceOf(TenantExistsException.class)
                .hasMessageContaining(first.name());
        assertThat(registry.findByName(first.name())).contains(first);
        assertThat(registry.findById(sameName.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsTenantsOnlyByActiveKeys(TestDatabase database) {
        JdbiTenantRegistry registry = new JdbiTenantRegistry(database.jdbi());
        Tenant tenant = tenant(uniqueName(), "USD", T0);
        Tenant other = tenant(uniqueName(), "USD", T0);
        registry.create(tenant);
        registry.create(other);
        String hashA = hash();
        String hashB = hash();
        String hashC = hash();
        registry.addKey(tenant.id(), hashA, "xs_aaaa", T0.plusSeconds(1));
        registry.addKey(tenant.id(), hashB, "xs_bbbb", T0.plusSeconds(2));
        registry.addKey(other.id(), hashC, "xs_cccc", T0.plusSeconds(3));

        assertThat(registry.tenantForKeyHash(hashA)).contains(tenant.id());
        assertThat(registry.tenantForKeyHash(hashC)).contains(other.id());
        assertThat(registry.tenantForKeyHash(hash())).isEmpty();

        Instant revokedAt = T0.plusSeconds(60);
        assertThat(registry.revokeKey(other.id(), "xs_aaaa", revokedAt)).as("another tenant's key").isFalse();
        assertThat(registry.revokeKey(tenant.id(), "xs_aaaa", revokedAt)).isTrue();
        assertThat(registry.revokeKey(tenant.id(), "xs_aaaa", revokedAt)).as("already revoked").isFalse();
        assertThat(registry.tenantForKeyHash(hashA)).isEmpty();
        assertThat(registry.tenantForKeyHash(hashB)).contains(tenant.id());
        assertThat(registry.keys(tenant.id())).containsExactly(
                new ApiKeyInfo("xs_aaaa", T0.plusSeconds(1), revokedAt),
                new ApiKeyInfo("xs_bbbb", T0.plusSeconds(2), null));

        Instant allRevokedAt = T0.plusSeconds(120);
        assertThat(registry.revokeAllKeys(tenant.id(), allRevokedAt)).isEqualTo(1);
        assertThat(registry.revokeAllKeys(tenant.id(), allRevokedAt)).isZero();
        assertThat(registry.tenantForKeyHash(hashB)).isEmpty();
        assertThat(registry.keys(tenant.id())).extracting(ApiKeyInfo::revokedAt)
                .containsExactly(revokedAt, allRevokedAt);
        assertThat(registry.tenantForKeyHash(hashC)).as("other tenants keep their keys").contains(other.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void refusesKeysOfUnknownTenants(TestDatabase database) {
        JdbiTenantRegistry registry = new JdbiTenantRegistry(database.jdbi());
        String keyHash = hash();

        assertThatThrownBy(() -> registry.addKey(new TenantId("no-such-tenant"), keyHash, "xs_dddd", T0))
                .isInstanceOf(RuntimeException.class);
        assertThat(registry.tenantForKeyHash(keyHash)).isEmpty();
        assertThatThrownBy(() -> registry.dataVersion(new TenantId("no-such-tenant")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Tenant tenant(String name, String currency, Instant createdAt) {
        return new Tenant(new TenantId(UUID.randomUUID().toString()), name, currency, createdAt);
    }

    static String uniqueName() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hash() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }
}
