package io.xsell.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.server.XsellApplication;
import io.xsell.server.fixture.WorkedExample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} and {@code generate} run through {@link XsellApplication#run} without Guice and the
 * JVM metrics, and print what they print when the application is fully bootstrapped.
 */
class StandaloneCommandsTest {
    @TempDir
    Path dir;

    @Test
    void reportPrintsWhatTheBootstrappedCommandPrints() throws Exception {
        WorkedExample.writeTo(dir, WorkedExample.files());
        String[] args = {"report", "--data", dir.toString(), "--from", "2025-01-01", "--to", "2026-01-01",
                "--segment-by", "segment"};
        CommandRunner.Result bootstrapped = CommandRunner.run(args);
        assertThat(bootstrapped.succeeded()).as(bootstrapped.stderr()).isTrue();

        String standalone = stdoutOf(args);

        assertThat(standalone).isEqualTo(bootstrapped.stdout()).contains("\"starting_mrr\"");
    }

    @Test
    void generateWritesTheFilesTheBootstrappedCommandWrites() throws Exception {
        Path standalone = dir.resolve("standalone");
        Path bootstrapped = dir.resolve("bootstrapped");
        stdoutOf("generate", "--customers", "50", "--out", standalone.toString());
        assertThat(CommandRunner.run("generate", "--customers", "50", "--out", bootstrapped.toString()).succeeded())
                .isTrue();

        for (String file : new String[] {"customers.csv", "subscription_items.csv", "products.csv"}) {
            assertThat(Files.readString(standalone.resolve(file))).isEqualTo(Files.readString(bootstrapped.resolve(file)));
        }
    }

    // the lock CommandRunner takes: both swap System.out
    private static String stdoutOf(String... args) throws Exception {
        synchronized (CommandRunner.class) {
            PrintStream original = System.out;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                new XsellApplication().run(args);
            } finally {
                System.setOut(original);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
