package io.xsell.server.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Injector;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.xsell.server.XsellApplication;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.persistence.DatabaseConfig;
import io.xsell.server.persistence.Dialect;
import io.xsell.server.persistence.TestDatabases;
import io.xsell.server.tenant.TenantAdministration;
import io.xsell.server.tenant.TenantRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import ru.vyarus.dropwizard.guice.hook.GuiceyConfigurationHook;
import ru.vyarus.dropwizard.guice.injector.lookup.InjectorLookup;

/**
 * The real xsell server for one test class: a fresh database of the given dialect (a SQLite file
 * or a PostgreSQL schema, migrated by the server's own Flyway start-up), random ports, the request
 * log in a file of a temporary folder, and the settings a test class asks for. Register it on a
 * static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final XsellApp APP = XsellApp.on(Dialect.SQLITE).with("authCacheTtl", "1ms");
 * }</pre>
 *
 * <p>When PostgreSQL is unreachable the PostgreSQL classes are skipped, or fail with
 * {@code XSELL_REQUIRE_POSTGRES=true} (see {@link io.xsell.server.persistence.TestPostgres}).
 */
public final class XsellApp implements BeforeAllCallback, AfterAllCallback {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Dialect dialect;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<GuiceyConfigurationHook> hooks = new ArrayList<>();
    private final TestDatabases databases = new TestDatabases();
    private Path folder;
    private DropwizardAppExtension<XsellConfiguration> app;
    private HttpClient http;

    private XsellApp(Dialect dialect) {
        this.dialect = dialect;
    }

    public static XsellApp on(Dialect dialect) {
        return new XsellApp(dialect);
    }

    /**
     * A setting of {@link XsellConfiguration}, as it would be written in the YAML file; a dotted
     * name ({@code scheduler.pollingInterval}) sets a nested one.
     */
    public XsellApp with(String setting, String value) {
        settings.put(setting, value);
        return this;
    }

    /**
     * A change to the server's Guice set-up (a module override, say) for this app only. Guicey keeps
     * registered hooks per thread until the next application starts, so a hook registered anywhere
     * else (a static initializer) would reach whichever test class starts a server next.
     */
    public XsellApp hook(GuiceyConfigurationHook hook) {
        hooks.add(hook);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        DatabaseConfig database = dialect == Dialect.SQLITE ? databases.sqlite().config() : databases.postgresql().config();
        folder = Files.createTempDirectory("xsell-rest-");
        Path config = folder.resolve("config.yml");
        // JSON is YAML: written with Jackson, no value needs quoting by hand
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(config.toFile(), configuration(database));
        app = new DropwizardAppExtension<>(XsellApplication.class, config.toString());
        hooks.forEach(GuiceyConfigurationHook::register);
        app.before();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    private ObjectNode configuration(DatabaseConfig database) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        ObjectNode db = root.putObject("database").put("url", database.getUrl()).put("maxConnections", 4);
        if (database.getUser() != null) {
            db.put("user", database.getUser());
        }
        if (database.getPassword() != null) {
            db.put("password", database.getPassword());
        }
        settings.forEach((name, value) -> {
            ObjectNode parent = root;
            String[] parts = name.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
            }
            parent.put(parts[parts.length - 1], value);
        });
        ObjectNode server = root.putObject("server");
        server.putArray("applicationConnectors").addObject().put("type", "http").put("bindHost", "127.0.0.1").put("port", 0);
        server.putArray("adminConnectors").addObject().put("type", "http").put("bindHost", "127.0.0.1").put("port", 0);
        server.put("shutdownGracePeriod", "0s");
        ArrayNode requestLog = server.putObject("requestLog").putArray("appenders");
        requestLog.addObject().put("type", "file").put("currentLogFilename", requestLog().toString()).put("archive", false);
        root.putObject("logging").put("level", "WARN");
        return root;
    }

    /**
     * Stops the server as an operator would (its managed objects stop, so what they flush is
     * flushed) and starts a new one with the same settings on the same database.
     */
    public void restart() throws Exception {
        app.after();
        app = new DropwizardAppExtension<>(XsellApplication.class, folder.resolve("config.yml").toString());
        hooks.forEach(GuiceyConfigurationHook::register);
        app.before();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (app != null) {
                app.after();
            }
        } finally {
            app = null;
            http = null;
            try {
                databases.afterAll(context);
            } finally {
                deleteFolder();
            }
        }
    }

    private void deleteFolder() {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        } finally {
            folder = null;
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The file the server writes its request log to. */
    public Path requestLog() {
        return folder.resolve("requests.log");
    }

    public Injector injector() {
        return InjectorLookup.getInjector(app.getApplication()).orElseThrow();
    }

    public <T> T instance(Class<T> type) {
        return injector().getInstance(type);
    }

    /** Tenant administration on the server's own registry, as the {@code tenant} command does it. */
    public TenantAdministration administration() {
        return new TenantAdministration(instance(TenantRegistry.class), Clock.systemUTC());
    }

    /** A new tenant reporting in USD, with a unique name starting with {@code prefix}, and its key. */
    public TenantAdministration.IssuedKey createTenant(String prefix) {
        return administration().createTenant(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), "USD");
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.getLocalPort() + pathAndQuery);
    }

    public URI adminUri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.getAdminPort() + pathAndQuery);
    }

    /** A request to the application port; {@code key} null sends no Authorization header. */
    public HttpRequest.Builder request(String pathAndQuery, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    public ApiResponse get(String pathAndQuery, String key) {
        return send(request(pathAndQuery, key).GET().build());
    }

    public ApiResponse post(String pathAndQuery, String key, String contentType, byte[] body) {
        return send(request(pathAndQuery, key).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** {@code POST /v1/imports} of a zip. */
    public ApiResponse postZip(String key, byte[] zip) {
        return post("/v1/imports", key, "application/zip", zip);
    }

    public ApiResponse send(HttpRequest request) {
        try {
            // An upload goes on a connection of its own: a refused one (413, 415) is answered without
            // reading its body, after which Jetty closes the connection, and a pooled client could
            // otherwise send the next upload on that closing connection and get no answer at all.
            HttpClient client = request.method().equals("POST")
                    ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build()
                    : http;
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(request.method() + " " + request.uri(), response.statusCode(), response.headers(),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
