package io.xsell.server.cli;

import io.xsell.core.metrics.Window;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
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

    /** {@code --from} and {@code --to}: the first day and the first day after. */
    static Window window(Namespace namespace) {
        LocalDate from = date(namespace, "from");
        LocalDate to = date(namespace, "to");
        if (!from.isBefore(to)) {
            throw new UsageException("--from (" + from + ") must be before --to (" + to + ")");
        }
        return new Window(from, to);
    }

    static YearMonth month(Namespace namespace, String name) {
        String text = namespace.getString(name);
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + option(name) + ": '" + text + "' is not a month (YYYY-MM)");
        }
    }

    /** A number from 0 to 1 (a margin: 0.80 for 80 %). */
    static BigDecimal fraction(Namespace namespace, String name) {
        String text = namespace.getString(name);
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option(name) + ": '" + text + "' is not a number");
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new UsageException("--" + option(name) + " must be between 0 and 1 (0.80 for 80 %), was " + text);
        }
        return value;
    }

    /** Destinations use underscores, the options people type use dashes. */
    private static String option(String name) {
        return name.replace('_', '-');
    }

    static Path existing(Namespace namespace, String name) {
        Path path = Path.of(namespace.getString(name));
        if (!Files.exists(path)) {
            throw new UsageException("--" + name + ": " + path + " does not exist");
        }
        return path;
    }
}
