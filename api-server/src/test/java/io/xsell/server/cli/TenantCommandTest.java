package io.xsell.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.server.auth.ApiKeys;
import io.xsell.server.persistence.DatabaseConfig;
import io.xsell.server.persistence.Databases;
import io.xsell.server.persistence.JdbiTenantRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tenant and db commands against a fresh SQLite file chosen with -Ddw.database.url. */
class TenantCommandTest {
    private static final String URL_PROPERTY = "dw.database.url";

    @TempDir
    Path dir;
    private JdbiTenantRegistry registry;

    @BeforeEach
    void pointAtAFreshDatabase() {
        String url = "jdbc:sqlite:" + dir.resolve("xsell.db");
        System.setProperty(URL_PROPERTY, url);
        registry = new JdbiTenantRegistry(Databases.jdbi(new DatabaseConfig(url, null, null)));
    }

    @AfterEach
    void clear() {
        System.clearProperty(URL_PROPERTY);
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(lines.size() - 1);
    }

    private boolean works(String key) {
        return registry.tenantForKeyHash(ApiKeys.hash(key)).isPresent();
    }

    @Test
    void createPrintsAWorkingKeyAsTheLastLineAndStoresOnlyItsHash() {
        CommandRunner.Result created = CommandRunner.run("tenant", "create", "acme", "--currency", "EUR");

        assertThat(created.succeeded()).as(created.stderr()).isTrue();
        String key = lastLine(created.stdout());
        assertThat(key).startsWith("xsk_").hasSize(47);
        assertThat(works(key)).isTrue();
        assertThat(registry.findByName("acme").orElseThrow().reportingCurrency()).isEqualTo("EUR");
        assertThat(registry.keys(registry.findByName("acme").orElseThrow().id()))
                .singleElement().satisfies(k -> assertThat(key).startsWith(k.prefix()));
    }

    @Test
    void aTakenNameIsRefused() {
        CommandRunner.run("tenant", "create", "acme");
        CommandRunner.Result again = CommandRunner.run("tenant", "create", "acme");
        assertThat(again.succeeded()).isFalse();
        assertThat(again.stdout()).isEmpty();
        assertThat(again.stderr()).contains("acme", "exists already");
    }

    @Test
    void listShowsTenantsWithTheirActiveKeys() {
        CommandRunner.run("tenant", "create", "acme");
        CommandRunner.run("tenant", "create", "globex");
        String list = CommandRunner.run("tenant", "list").stdout();
        assertThat(list).contains("acme", "globex", "1 active key(s)");
    }

    @Test
    void rotatingIssuesANewKeyAndRevokesTheOldOne() {
        String old = lastLine(CommandRunner.run("tenant", "create", "acme").stdout());
        String fresh = lastLine(CommandRunner.run("tenant", "rotate-key", "acme").stdout());

        assertThat(fresh).startsWith("xsk_").isNotEqualTo(old);
        assertThat(works(old)).isFalse();
        assertThat(works(fresh)).isTrue();
        assertThat(CommandRunner.run("tenant", "keys", "acme").stdout()).contains("revoked", "active");
    }

    @Test
    void revokingOneKeyByPrefixOrAllKeys() {
        String key = lastLine(CommandRunner.run("tenant", "create", "acme").stdout());
        CommandRunner.Result revoked = CommandRunner.run("tenant", "revoke-key", "acme", "--prefix", ApiKeys.shownPrefix(key));
        assertThat(revoked.stdout()).contains("revoked key");
        assertThat(works(key)).isFalse();

        String second = lastLine(CommandRunner.run("tenant", "rotate-key", "acme").stdout());
        assertThat(CommandRunner.run("tenant", "revoke-key", "acme", "--all").stdout()).contains("revoked 1 key(s)");
        assertThat(works(second)).isFalse();
    }

    @Test
    void revokeKeyNeedsExactlyOneOfPrefixOrAll() {
        CommandRunner.run("tenant", "create", "acme");
        CommandRunner.Result neither = CommandRunner.run("tenant", "revoke-key", "acme");
        assertThat(neither.succeeded()).isFalse();
        assertThat(neither.stderr()).contains("--prefix", "--all");
    }

    @Test
    void anUnknownTenantIsNamed() {
        CommandRunner.Result result = CommandRunner.run("tenant", "rotate-key", "nobody");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stderr()).contains("no tenant named 'nobody'");
    }

    @Test
    void dbMigrateAppliesOnceThenReportsUpToDate() {
        CommandRunner.Result first = CommandRunner.run("db", "migrate");
        assertThat(first.succeeded()).as(first.stderr()).isTrue();
        assertThat(CommandRunner.run("db", "migrate").stdout()).contains("schema is up to date");
    }
}
