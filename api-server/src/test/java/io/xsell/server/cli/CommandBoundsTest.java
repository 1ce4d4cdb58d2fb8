package io.xsell.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.util.JarLocation;
import io.dropwizard.core.setup.Bootstrap;
import io.xsell.server.XsellApplication;
import io.xsell.server.XsellConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline commands meet the import's bounds and answer each breach in one line, never a stack trace. */
class CommandBoundsTest {
    @TempDir
    Path dir;

    @Test
    void hostileCellsGiveOneLineErrorsWithFileLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("customers.csv"), "customer_id,name\nc1," + "n".repeat(1_000_000) + "\n");
        Files.write(dir.resolve("products.csv"), List.of("product_id", "p"));
        Files.write(dir.resolve("subscription_items.csv"), List.of(
                "item_id,customer_id,product_id,start_date,unit_amount,currency,interval",
                "i1,c1,p,2025-06-01," + "9".repeat(400) + ",EUR,month"));

        for (String command : List.of("report", "report-pdf")) {
            List<String> args = command.equals("report")
                    ? List.of("report", "--data", dir.toString(), "--from", "2025-01-01", "--to", "2026-01-01")
                    : List.of("report-pdf", "--data", dir.toString(), "--from", "2025-01-01", "--to", "2026-01-01",
                            "--out", dir.resolve("r.pdf").toString());
            CommandRunner.Result result = CommandRunner.run(args.toArray(String[]::new));

            assertThat(result.succeeded()).as(command).isFalse();
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).as(command)
                    .contains("customers.csv:2 [name] the cell is longer than 10000 characters")
                    .contains("subscription_items.csv:2 [unit_amount] unit_amount must have at most 12 digits")
                    .doesNotContain("\tat ").hasSizeLessThan(2_000);
        }
    }

    @Test
    void anOutOfMemoryErrorIsOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Cli cli = new Cli(new JarLocation(XsellApplication.class), new Bootstrap<XsellConfiguration>(new XsellApplication()),
                stream, stream);

        new ReportCommand().onError(cli, null, new OutOfMemoryError("Java heap space"));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "error: out of memory; the data needs more heap than this JVM has (raise -Xmx)" + System.lineSeparator());
    }
}
