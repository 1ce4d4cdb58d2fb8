package io.xsell.server.hostile;

import io.xsell.server.fixture.XsellJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server in a JVM of its own with a small heap ({@code -Xmx512m}, exiting on an
 * {@link OutOfMemoryError}), on an embedded database in a temporary folder: what a hostile request
 * does to memory shows there, not in the test's JVM. Tenants are created with the {@code tenant}
 * command before the server starts.
 */
final class ForkedServer implements AutoCloseable {
    static final String HEAP = "-Xmx512m";

    private final Path dir;
    private final Path config;
    private final Path log;
    private final int port;
    private final int adminPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    ForkedServer(Path dir) throws IOException {
        this.dir = dir;
        this.port = freePort();
        this.adminPort = freePort();
        this.config = dir.resolve("xsell.yml");
        this.log = dir.resolve("server.log");
        Files.writeString(config, """
                server:
                  applicationConnectors: [{type: http, port: %d}]
                  adminConnectors: [{type: http, port: %d}]
                  requestLog: {appenders: []}
                database:
                  url: jdbc:sqlite:%s
                scheduler:
                  enabled: false
                logging:
                  level: WARN
                """.formatted(port, adminPort, dir.resolve("xsell.db")));
    }

    /**
     * Creates a tenant and returns its API key (the line of the command's output that is one). The
     * command's JVM is stopped once the key is out: its embedded web servers keep it from ending alone.
     */
    String createTenant(String name) throws IOException, InterruptedException {
        Process create = new ProcessBuilder(command("tenant", "create", name, "-c", config.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(create.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.strip().startsWith("xsk_")) {
                    return line.strip();
                }
            }
            throw new IllegalStateException("tenant create printed no key");
        } finally {
            create.destroy();
            if (!create.waitFor(20, TimeUnit.SECONDS)) {
                create.destroyForcibly().waitFor();
            }
        }
    }

    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(command("server", config.toString())).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server did not start: " + log());
            }
            try {
                if (admin("/healthcheck").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not answer within 120 s: " + log());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> admin(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpClient http() {
        return http;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private List<String> command(String... args) {
        return XsellJvm.command(List.of(HEAP, "-XX:+ExitOnOutOfMemoryError", "-XX:ActiveProcessorCount=2"), args);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    Path dir() {
        return dir;
    }
}
