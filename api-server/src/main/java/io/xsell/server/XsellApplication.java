package io.xsell.server;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.util.JarLocation;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.xsell.server.analytics.AnalyticsModule;
import io.xsell.server.api.JsonMapper;
import io.xsell.server.cli.DbCommand;
import io.xsell.server.cli.DemoCommand;
import io.xsell.server.cli.GenerateCommand;
import io.xsell.server.cli.ReportCommand;
import io.xsell.server.cli.ReportPdfCommand;
import io.xsell.server.cli.StderrLogging;
import io.xsell.server.cli.SyncCommand;
import io.xsell.server.cli.TenantCommand;
import io.xsell.server.cli.UsageException;
import io.xsell.server.dataimport.DataImportModule;
import io.xsell.server.engagement.EngagementModule;
import io.xsell.server.names.DisplayNamesModule;
import io.xsell.server.openapi.OpenApiDocument;
import io.xsell.server.persistence.snapshot.SnapshotWarmUp;
import io.xsell.server.problem.ProblemErrorHandler;
import io.xsell.server.reporting.ReportingModule;
import io.xsell.server.schedule.SchedulingModule;
import io.xsell.server.stripe.StripeModule;
import io.xsell.server.chargebee.ChargebeeModule;
import io.xsell.server.connections.ConnectionsModule;
import java.util.Map;
import java.util.List;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import ru.vyarus.dropwizard.guice.GuiceBundle;
import ru.vyarus.dropwizard.guice.injector.lookup.InjectorLookup;

/** The xsell application: the composition root of the platform and its command line. */
public class XsellApplication extends Application<XsellConfiguration> {

    public static void main(String[] args) throws Exception {
        new XsellApplication().run(args);
    }

    /**
     * Runs {@code arguments} as its command. {@code report} and {@code generate} build what they need
     * themselves from a folder of CSV files, so they start without what the others share: Guice's scan
     * of the server's classes and its modules, and the JVM metrics registered with JMX, which took about
     * a second of every {@code report} on two cores.
     */
    @Override
    public void run(String... arguments) throws Exception {
        List<Command> standalone = List.of(new ReportCommand(), new GenerateCommand());
        if (arguments.length == 0 || standalone.stream().noneMatch(command -> command.getName().equals(arguments[0]))) {
            super.run(arguments);
            return;
        }
        Bootstrap<XsellConfiguration> bootstrap = new Bootstrap<>(this);
        JsonMapper.configure(bootstrap.getObjectMapper());
        standalone.forEach(bootstrap::addCommand);
        new Cli(new JarLocation(getClass()), bootstrap, System.out, System.err).run(arguments)
                .ifPresent(this::onFatalError);
    }

    @Override
    public String getName() {
        return "xsell";
    }

    @Override
    public void initialize(Bootstrap<XsellConfiguration> bootstrap) {
        JsonMapper.configure(bootstrap.getObjectMapper());
        bootstrap.addBundle(GuiceBundle.builder()
                .enableAutoConfig(XsellApplication.class.getPackageName())
                .modules(new XsellModule(), new SchedulingModule(), new AnalyticsModule(), new EngagementModule(),
                        new ReportingModule(), new ConnectionsModule(), new StripeModule(), new ChargebeeModule(),
                        new DataImportModule(), new DisplayNamesModule())
                .build());
        bootstrap.addCommand(new ReportCommand());
        bootstrap.addCommand(new ReportPdfCommand());
        bootstrap.addCommand(new GenerateCommand());
        bootstrap.addCommand(new TenantCommand());
        bootstrap.addCommand(new DbCommand());
        bootstrap.addCommand(new DemoCommand(this));
        bootstrap.addCommand(new SyncCommand(Map.of("stripe", StripeModule.commandLineSync(),
                "chargebee", ChargebeeModule.commandLineSync())));
    }

    @Override
    public void run(XsellConfiguration configuration, Environment environment) {
        startRestoringSnapshots(environment); // first: what follows takes seconds on a small machine
        environment.jersey().register(OpenApiDocument.resource());
        ProblemErrorHandler errors = new ProblemErrorHandler(environment.getObjectMapper());
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(errors));
    }

    /**
     * Starts restoring the prepared tenants' snapshots now, while the OpenAPI document, Jersey and
     * Jetty start on this thread (seconds on a small machine), rather than when the lifecycle starts
     * its managed objects with Jetty: a first query then finds its tenant restored, or waits for less
     * of the restore. The injector exists by now (Guicey's bundle ran before this method) and has
     * migrated the database; without one there is nothing to start. The warm-up is told when the
     * server takes requests (it compiles the report's code only until then).
     */
    private void startRestoringSnapshots(Environment environment) {
        InjectorLookup.getInjector(this).ifPresent(injector -> {
            SnapshotWarmUp warmUp = injector.getInstance(SnapshotWarmUp.class);
            environment.lifecycle().addServerLifecycleListener(server -> warmUp.serving());
            warmUp.start();
        });
    }

    /**
     * Commands such as {@code report} print their result on stdout, so start-up logging goes to
     * stderr (Dropwizard's default bootstrap appender writes to stdout).
     */
    @Override
    protected void bootstrapLogging() {
        StderrLogging.install();
    }

    /** Exit 2 for a malformed command line, 1 for anything else (bad data included). */
    @Override
    protected void onFatalError(Throwable t) {
        System.exit(t instanceof ArgumentParserException || t instanceof UsageException ? 2 : 1);
    }
}
