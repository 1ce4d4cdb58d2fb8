package io.xsell.server.cli;

import com.google.inject.Injector;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import io.xsell.core.dataimport.ImportCounts;
import io.xsell.core.dataimport.ImportOutcome;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.port.in.ImportTenantDataCommand;
import io.xsell.core.port.in.ImportTenantDataUseCase;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticEngagementGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.auth.WebSessions;
import io.xsell.server.tenant.TenantAdministration;
import io.xsell.server.tenant.TenantRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import ru.vyarus.dropwizard.guice.injector.lookup.InjectorLookup;

/**
 * {@code demo}: fills a tenant named {@code demo} with a generated account, starts the server on
 * the configured database (embedded SQLite by default) and prints the URL, a fresh API key and
 * three curl commands. Running it again keeps the data (the import is recognised as unchanged)
 * and issues a new key.
 */
public class DemoCommand extends ServerCommand<XsellConfiguration> {
    static final String TENANT = "demo";
    private final Application<XsellConfiguration> application;

    public DemoCommand(Application<XsellConfiguration> application) {
        super(application, "demo", "Start the server with a demo tenant full of generated data");
        this.application = application;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--customers").type(Integer.class).setDefault(20_000).metavar("N")
                .help("customers in the generated account (default 20000)");
        subparser.addArgument("--seed").type(Long.class).setDefault(42L).metavar("S").help("generator seed (default 42)");
    }

    @Override
    protected void run(Environment environment, Namespace namespace, XsellConfiguration configuration) throws Exception {
        // A newcomer should see the welcome, not start-up chatter; warnings still reach stderr.
        StderrLogging.install();
        Injector injector = InjectorLookup.getInjector(application).orElseThrow();
        SyntheticAccountSpec spec = SyntheticAccountSpec.defaults(namespace.getLong("seed"), namespace.getInt("customers"));
        TenantAdministration admin = new TenantAdministration(injector.getInstance(TenantRegistry.class), Clock.systemUTC());
        TenantAdministration.IssuedKey key = injector.getInstance(TenantRegistry.class).findByName(TENANT).isPresent()
                ? admin.rotateKey(TENANT)
                : admin.createTenant(TENANT, spec.reportingCurrency());
        System.err.println("generating and importing " + spec.customers() + " customers into tenant '" + TENANT + "'...");
        TenantDataset dataset = SyntheticEngagementGenerator.withEngagement(SyntheticAccountGenerator.generate(spec),
                spec.seed(), spec.historyEnd());
        ImportOutcome outcome = injector.getInstance(ImportTenantDataUseCase.class).importTenantData(
                new ImportTenantDataCommand(key.tenant().id(), "csv", dataset, "synthetic with engagement " + spec));
        ImportCounts counts = outcome.record().counts();
        System.err.println(outcome.unchanged() ? "demo data unchanged since the last run"
                : "imported " + counts.customers() + " customers, " + counts.subscriptionItems() + " subscription items, "
                        + counts.oneTimeCharges() + " one-time charges");
        String loginToken = injector.getInstance(WebSessions.class).issueLoginToken(key.apiKey());
        environment.lifecycle().addServerLifecycleListener(new Welcome(key.apiKey(), loginToken, spec.historyEnd()));
        super.run(environment, namespace, configuration);
    }

    /** Printed once Jetty listens, with the port it really got. */
    private record Welcome(String apiKey, String loginToken, LocalDate dataEnd) implements ServerLifecycleListener {
        @Override
        public void serverStarted(org.eclipse.jetty.server.Server server) {
            String url = "http://localhost:" + getLocalPort(server);
            LocalDate to = dataEnd.plusDays(1);
            LocalDate from = to.minusYears(1);
            PrintStream out = System.out;
            out.println();
            out.println("xsell is running at " + url + " (admin: http://localhost:" + getAdminPort(server) + ")");
            out.println("Dashboard (one-time sign-in link): " + url + "/web/login?token=" + loginToken
                    + "#overview?to=" + dataEnd.plusDays(1).withDayOfMonth(1));
            out.println("API key of tenant '" + TENANT + "': " + apiKey);
            out.println();
            out.println("Try:");
            out.println("  curl -H 'Authorization: Bearer " + apiKey + "' '" + url + "/v1/metrics/cross-sell?from="
                    + from + "&to=" + to + "&segment_by=segment'");
            out.println("  curl -H 'Authorization: Bearer " + apiKey + "' '" + url + "/v1/metrics/movements?from="
                    + from + "&to=" + to + "&granularity=month'");
            out.println("  curl -H 'Authorization: Bearer " + apiKey + "' '" + url + "/v1/metrics/penetration?date="
                    + dataEnd + "'");
            out.println();
            out.println("OpenAPI: " + url + "/openapi.json   Stop with Ctrl+C.");
            out.flush();
        }
    }
}
