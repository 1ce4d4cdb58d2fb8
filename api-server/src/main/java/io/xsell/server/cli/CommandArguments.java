package io.xsell.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import net.sourceforge.argparse4j.inf.Namespace;

/** Reads typed command-line values, naming the argument when one is malformed. */
final class CommandArguments {
    private CommandArguments() {
    }

    static LocalDate date(Namespace namespace, String name) {
        String text = namespace.getString(name);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + name + ": '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    static Path existing(Namespace namespace, String name) {
        Path path = Path.of(namespace.getString(name));
        if (!Files.exists(path)) {
            throw new UsageException("--" + name + ": " + path + " does not exist");
        }
        return path;
    }
}
