package io.xsell.server.load;

import io.xsell.server.persistence.DatabaseConfig;
import io.xsell.server.persistence.Databases;
import io.xsell.server.persistence.JdbiTenantRegistry;
import io.xsell.server.tenant.TenantAdministration;
import java.time.Clock;
import io.xsell.server.persistence.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Load generator for the memory budget of tenants (docs/performance.md, "Tenants in memory").
 * It drives the real jar in separate processes, as an operator would: generates a canonical CSV
 * account with {@code xsell.jar generate}, creates tenants as {@code xsell.jar tenant create} does,
 * starts {@code xsell.jar server} with the given heap on a fresh PostgreSQL schema, imports the
 * account into every tenant ({@code POST /v1/imports}) and asks each tenant for its metrics
 * ({@code GET /v1/metrics/cross-sell}) in rounds. Any 5xx answer, or an OutOfMemoryError in the
 * server's output, fails the run (exit code 1). Not a test: run it as the doc shows, after
 * {@code mvn -B install -DskipTests} built {@code api-server/target/xsell.jar}:
 *
 * <pre>
 * mvn -q -B -pl api-server test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-classpath %classpath io.xsell.server.load.TenantsLoad tenants=30 customers=100000 rounds=3 xmx=2g"
 * mvn -q -B -pl api-server test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-classpath %classpath io.xsell.server.load.TenantsLoad tenants=1 customers=1000000 rounds=1 xmx=4g restart=true"
 * </pre>
 *
 * With {@code restart=true} it stops the server after the imports, starts it again and times the
 * first metrics answer of each tenant on the restarted server (nothing kept in memory), as many
 * times as {@code restarts=N} (default 1). {@code snapshots=false} runs the server without tenant
 * snapshots (the rows are read and priced after each restart), {@code compare=true} restarts as
 * many times more without them (before and after on the same data), {@code requestTimeout=120s} lets
 * such a slow first answer finish instead of ending in a 503, and {@code restartJvm="..."} adds JVM
 * options to the restarted servers ({@code %r} is the restart's number), a flight recording say.
 * {@code restoreAtStart=false} turns off the restore of snapshots when the server starts (the first
 * query restores its tenant), {@code restoreAtStart=alternate} turns it off on odd restarts only.
 * {@code restartJars=a.jar,b.jar} restarts with these jars in turn (restart 1 with the first, 2 with
 * the second, ...) instead of the jar that imported: two builds compared back to back on the same
 * database and snapshot, without importing twice. The log shows each restart's jar, the process's
 * start and the moment HTTP answered, and the load average.
 */
public final class TenantsLoad {
    /** Another window each round, so the response cache cannot answer without the tenant's ledger. */
    private static String window(int round) {
        return String.format(Locale.ROOT, "from=2025-11-01&to=2026-%02d-01", 12 - round);
    }

    private final Map<String, String> options;
    private final Path jar;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private int failures;

    private TenantsLoad(Map<String, String> options) throws IOException {
        this.options = options;
        this.jar = Path.of(option("jar", "api-server/target/xsell.jar")).toAbsolutePath();
        this.work = Files.createTempDirectory("xsell-load-");
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        TenantsLoad load = new TenantsLoad(options);
        int failures = load.run();
        System.exit(failures == 0 ? 0 : 1);
    }

    private int run() throws Exception {
        int tenants = Integer.parseInt(option("tenants", "30"));
        int customers = Integer.parseInt(option("customers", "100000"));
        int rounds = Integer.parseInt(option("rounds", "3"));
        String xmx = option("xmx", "2g");
        boolean restart = Boolean.parseBoolean(option("restart", "false"));
        int restarts = Integer.parseInt(option("restarts", "1"));
        log("%s; load average %s", options, loadAverage());

        Path csv = work.resolve("csv");
        long start = System.nanoTime();
        exec(List.of("java", "-jar", jar.toString(), "generate", "--customers", Integer.toString(customers),
                "--out", csv.toString()), work.resolve("generate.log"));
        Path zip = zip(csv);
        log("generated %,d customers in %.1f s: %,d bytes zipped", customers, seconds(start), Files.size(zip));

        DatabaseConfig database = TestPostgres.createSchema("xsell_load_");
        Path config = config(database, Boolean.parseBoolean(option("snapshots", "true")));
        try {
            // in this process, as `tenant create` does: thirty JVM starts would take minutes on a busy machine
            Databases.migrate(database);
            TenantAdministration admin = new TenantAdministration(
                    new JdbiTenantRegistry(Databases.jdbi(database)), Clock.systemUTC());
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < tenants; i++) {
                keys.add(admin.createTenant("load-" + i, "USD").apiKey());
            }
            Server server = Server.start(jar, config, xmx, List.of(), work.resolve("server-1.log"));
            try {
                for (int i = 0; i < tenants; i++) {
                    String key = keys.get(i);
                    timed("import", i, () -> send(HttpRequest.newBuilder(server.uri("/v1/imports"))
                            .header("Content-Type", "application/zip")
                            .POST(HttpRequest.BodyPublishers.ofFile(zip)), key));
                }
                for (int round = 1; round <= rounds; round++) {
                    String query = window(round);
                    for (int i = 0; i < tenants; i++) {
                        String key = keys.get(i);
                        timed("metrics round " + round, i, () -> send(HttpRequest.newBuilder(
                                server.uri("/v1/metrics/cross-sell?" + query)).GET(), key));
                    }
                }
                server.checkNoOutOfMemory();
            } finally {
                server.stop();
            }
            boolean compare = Boolean.parseBoolean(option("compare", "false"));
            for (int r = 1; restart && r <= (compare ? 2 * restarts : restarts); r++) {
                if (compare && r == restarts + 1) {
                    // the same database and data, the server now reading rows and pricing after a restart
                    config = config(database, false);
                } else if (option("restoreAtStart", "true").equals("alternate")) {
                    config = config(database, Boolean.parseBoolean(option("snapshots", "true")), r % 2 == 0);
                }
                log("restart %d (snapshots %s, restoreAtStart %s); load average %s", r,
                        Files.readString(config).contains("snapshots: true"),
                        Files.readString(config).contains("restoreAtStart: true"), loadAverage());
                // a profiler, say: restartJvm=-XX:StartFlightRecording=filename=/tmp/restart.jfr,settings=profile
                List<String> jvm = option("restartJvm", "").isBlank() ? List.of()
                        : List.of(option("restartJvm", "").replace("%r", Integer.toString(r)).split(" "));
                List<String> jars = option("restartJars", "").isBlank() ? List.of(jar.toString())
                        : List.of(option("restartJars", "").split(","));
                Path restartJar = Path.of(jars.get((r - 1) % jars.size())).toAbsolutePath();
                log("restart %d with %s", r, restartJar);
                Server again = Server.start(restartJar, config, xmx, jvm, work.resolve("server-" + (r + 1) + ".log"));
                try {
                    for (int i = 0; i < tenants; i++) {
                        String key = keys.get(i);
                        timed("first metrics after restart " + r, i, () -> send(HttpRequest.newBuilder(
                                again.uri("/v1/metrics/cross-sell?" + window(0))).GET(), key));
                    }
                    log("restart %d: load average %s", r, loadAverage());
                    again.checkNoOutOfMemory();
                } finally {
                    again.stop();
                }
            }
        } finally {
            TestPostgres.dropSchema(database);
        }
        log("done: %d failure(s); load average %s; logs in %s", failures, loadAverage(), work);
        return failures;
    }

    private interface Call {
        HttpResponse<String> call() throws Exception;
    }

    private void timed(String what, int tenant, Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = call.call();
        double seconds = seconds(start);
        boolean failed = response.statusCode() >= 500 || response.body().contains("OutOfMemoryError");
        if (failed || response.statusCode() >= 400) {
            failures++;
        }
        log("%-28s tenant %2d: %d in %6.2f s%s", what, tenant, response.statusCode(), seconds,
                response.statusCode() >= 400 ? " " + response.body() : "");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String key) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + key).timeout(Duration.ofMinutes(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Path config(DatabaseConfig database, boolean snapshots) throws IOException {
        return config(database, snapshots, !option("restoreAtStart", "true").equals("false"));
    }

    private Path config(DatabaseConfig database, boolean snapshots, boolean restoreAtStart) throws IOException {
        Path file = work.resolve("xsell.yml");
        // a rewrite keeps the ports, which the running harness already knows
        int port = Files.exists(file) ? Integer.parseInt(Files.readString(file).split("port: ")[1].split("\n")[0].strip())
                : freePort();
        int adminPort = Files.exists(file) ? Integer.parseInt(Files.readString(file).split("port: ")[2].split("\n")[0].strip())
                : freePort();
        Files.writeString(file, String.join("\n",
                "database:",
                "  url: \"" + database.getUrl() + "\"",
                "  user: " + database.getUser(),
                "scheduler:",
                "  enabled: false",
                "server:",
                "  applicationConnectors:",
                "    - type: http",
                "      port: " + port,
                "  adminConnectors:",
                "    - type: http",
                "      port: " + adminPort,
                "preparedTenants:",
                "  snapshots: " + snapshots,
                "  restoreAtStart: " + restoreAtStart,
                "limits:",
                "  requestTimeout: " + option("requestTimeout", "30s"),
                "logging:",
                "  level: WARN",
                "  loggers:",
                "    io.xsell.server.persistence.snapshot: INFO",
                ""));
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path zip(Path folder) throws IOException {
        Path zip = folder.resolveSibling("account.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    static String exec(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed; see " + log);
        }
        return out;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "%tT " + format + "%n", prepend(java.time.LocalTime.now(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** The server in a process of its own, with its own heap. */
    private record Server(Process process, Path log, URI base) {
        static Server start(Path jar, Path config, String xmx, List<String> jvmOptions, Path log) throws Exception {
            String yaml = Files.readString(config);
            int port = Integer.parseInt(yaml.split("port: ")[1].split("\n")[0].strip());
            List<String> command = new ArrayList<>(List.of("java", "-Xmx" + xmx, "-XX:+ExitOnOutOfMemoryError"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString(), "server", config.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Server server = new Server(process, log, URI.create("http://127.0.0.1:" + port));
            long start = System.nanoTime();
            HttpClient client = HttpClient.newHttpClient();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server stopped; see " + log);
                }
                try {
                    client.send(HttpRequest.newBuilder(server.uri("/v1/metrics/cross-sell")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    break;
                } catch (IOException notYet) {
                    Thread.sleep(250);
                }
            }
            TenantsLoad.log("server up (-Xmx%s) in %.1f s", xmx, seconds(start));
            return server;
        }

        URI uri(String path) {
            return base.resolve(path);
        }

        void checkNoOutOfMemory() throws IOException {
            if (!process.isAlive() || Files.readString(log).contains("OutOfMemoryError")) {
                throw new IllegalStateException("the server ran out of memory or stopped; see " + log);
            }
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
