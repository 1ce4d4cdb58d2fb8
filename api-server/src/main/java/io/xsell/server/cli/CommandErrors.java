package io.xsell.server.cli;

import io.dropwizard.core.cli.Cli;
import io.xsell.core.model.Bounds;

/** How the commands report an error whose message says all a user needs: one line, no stack trace. */
final class CommandErrors {
    private CommandErrors() {
    }

    static void printMessage(Cli cli, Throwable e) {
        cli.getStdErr().println("error: " + Bounds.cut(e.getMessage()));
        cli.getStdErr().flush();
    }

    /**
     * Anything else a command may meet, a full heap included, still takes one line: a stack trace
     * helps no one who runs a command on their data. The exit code is 1 either way.
     */
    static void printUnexpected(Cli cli, Throwable e) {
        String message = e instanceof OutOfMemoryError
                ? "out of memory; the data needs more heap than this JVM has (raise -Xmx)"
                : "unexpected " + e.getClass().getSimpleName() + ": " + Bounds.cut(e.getMessage());
        cli.getStdErr().println("error: " + message);
        cli.getStdErr().flush();
    }
}
