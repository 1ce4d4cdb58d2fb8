package io.xsell.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.xsell.server.cli.GenerateCommand;
import io.xsell.server.cli.ReportCommand;
import io.xsell.server.cli.UsageException;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import org.slf4j.LoggerFactory;

/** The xsell application: the composition root of the platform and its command line. */
public class XsellApplication extends Application<XsellConfiguration> {

    public static void main(String[] args) throws Exception {
        new XsellApplication().run(args);
    }

    @Override
    public String getName() {
        return "xsell";
    }

    @Override
    public void initialize(Bootstrap<XsellConfiguration> bootstrap) {
        bootstrap.addCommand(new ReportCommand());
        bootstrap.addCommand(new GenerateCommand());
    }

    @Override
    public void run(XsellConfiguration configuration, Environment environment) {
        // REST resources and persistence are wired here by the api-server issue.
    }

    /**
     * Commands such as {@code report} print their result on stdout, so start-up logging goes to
     * stderr (Dropwizard's default bootstrap appender writes to stdout).
     */
    @Override
    protected void bootstrapLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level [%d{ISO8601,UTC}] %logger: %msg%n");
        encoder.start();
        ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        root.addAppender(stderr);
        root.setLevel(Level.WARN);
    }

    /** Exit 2 for a malformed command line, 1 for anything else (bad data included). */
    @Override
    protected void onFatalError(Throwable t) {
        System.exit(t instanceof ArgumentParserException || t instanceof UsageException ? 2 : 1);
    }
}
