package io.xsell.server.cli;

import io.dropwizard.core.cli.Cli;

/** How the commands report an error whose message says all a user needs: one line, no stack trace. */
final class CommandErrors {
    private CommandErrors() {
    }

    static void printMessage(Cli cli, Throwable e) {
        cli.getStdErr().println("error: " + e.getMessage());
        cli.getStdErr().flush();
    }
}
