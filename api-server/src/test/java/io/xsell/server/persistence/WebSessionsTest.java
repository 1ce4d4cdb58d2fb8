package io.xsell.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.server.auth.ApiKeys;
import io.xsell.server.auth.WebSessions;
import io.xsell.server.fixture.SettableClock;
import io.xsell.server.tenant.TenantAdministration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Dashboard sessions on each database: hashes only, expiry, one-time tokens, and the key's revocation. */
class WebSessionsTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();

    static List<TestDatabase> databases() {
        return DATABASES.all();
    }

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    private record Fixture(Jdbi jdbi, SettableClock clock, TenantAdministration admin, WebSessions sessions) {
        static Fixture on(TestDatabase database) {
            Jdbi jdbi = database.jdbi();
            SettableClock clock = new SettableClock(START);
            JdbiTenantRegistry registry = new JdbiTenantRegistry(jdbi);
            return new Fixture(jdbi, clock, new TenantAdministration(registry, clock),
                    new WebSessions(new JdbiWebSessionStore(jdbi), registry, clock));
        }

        TenantAdministration.IssuedKey tenant(String currency) {
            return admin.createTenant("web-" + UUID.randomUUID(), currency);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSessionStoresOnlyHashesExpiresAndEndsWithItsKey(TestDatabase database) {
        Fixture f = Fixture.on(database);
        TenantAdministration.IssuedKey key = f.tenant("EUR");
        WebSessions sessions = f.sessions();

        assertThat(sessions.signIn("xsk_wrong")).isEmpty();
        WebSessions.OpenedSession opened = sessions.signIn(key.apiKey()).orElseThrow();
        assertThat(opened.session().tenant()).isEqualTo(key.tenant().id());
        assertThat(opened.session().currency()).isEqualTo("EUR");
        List<String> stored = f.jdbi().withHandle(h -> h.createQuery("SELECT id_hash || ' ' || csrf_token FROM web_sessions")
                .mapTo(String.class).list());
        assertThat(stored).noneMatch(row -> row.contains(opened.sessionId()))
                .anyMatch(row -> row.startsWith(ApiKeys.hash(opened.sessionId())));
        assertThat(sessions.authenticate(opened.sessionId())).contains(opened.session());

        f.clock().advance(WebSessions.SESSION_LIFETIME.plusSeconds(1));
        assertThat(sessions.authenticate(opened.sessionId())).isEmpty();

        WebSessions.OpenedSession second = sessions.signIn(key.apiKey()).orElseThrow();
        assertThat(sessions.authenticate(second.sessionId())).isPresent();
        f.admin().rotateKey(key.tenant().name());
        assertThat(sessions.authenticate(second.sessionId())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLoginTokenOpensOneSessionOnceAndSignOutEndsIt(TestDatabase database) {
        Fixture f = Fixture.on(database);
        TenantAdministration.IssuedKey key = f.tenant("USD");
        WebSessions sessions = f.sessions();

        String token = sessions.issueLoginToken(key.apiKey());
        assertThat(sessions.authenticate(token)).as("a login token is no session").isEmpty();
        WebSessions.OpenedSession opened = sessions.exchangeLoginToken(token).orElseThrow();
        assertThat(sessions.exchangeLoginToken(token)).isEmpty();
        assertThat(sessions.authenticate(opened.sessionId())).isPresent();
        sessions.signOut(opened.sessionId());
        assertThat(sessions.authenticate(opened.sessionId())).isEmpty();

        String late = sessions.issueLoginToken(key.apiKey());
        f.clock().advance(WebSessions.LOGIN_TOKEN_LIFETIME.plus(Duration.ofSeconds(1)));
        assertThat(sessions.exchangeLoginToken(late)).isEmpty();
    }
}
