package io.xsell.server.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.xsell.server.XsellApplication;
import io.xsell.server.XsellConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Runs an xsell command in-process, capturing stdout and stderr as the shell would see them. */
final class CommandRunner {

    record Result(Optional<Throwable> failure, String stdout, String stderr) {
        boolean succeeded() {
            return failure.isEmpty();
        }
    }

    static synchronized Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            XsellApplication application = new XsellApplication();
            Bootstrap<XsellConfiguration> bootstrap = new Bootstrap<>(application);
            application.initialize(bootstrap);
            Cli cli = new Cli(new JarLocation(XsellApplication.class), bootstrap, capturedOut, capturedErr);
            Optional<Throwable> failure = cli.run(args);
            return new Result(failure, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private CommandRunner() {
    }
}
