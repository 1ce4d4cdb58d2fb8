package io.xsell.server.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.xsell.core.model.TenantDataset;
import io.xsell.ingestion.csv.CanonicalCsvWriter;
import io.xsell.ingestion.synthetic.SyntheticAccountGenerator;
import io.xsell.ingestion.synthetic.SyntheticEngagementGenerator;
import io.xsell.ingestion.synthetic.SyntheticAccountSpec;
import io.xsell.ingestion.synthetic.SyntheticEffects;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code generate --customers N [--seed S] [--null-effects] --out DIR}: writes a realistic synthetic
 * SaaS account as canonical CSV, for demos, trials of the import and benchmarks. Deterministic by
 * seed. {@code --null-effects} writes a null world (adoption, churn and engagement independent of
 * everything), on which xsell must make no claim.
 */
public class GenerateCommand extends Command {

    public GenerateCommand() {
        super("generate", "Write a synthetic SaaS billing account as canonical CSV files");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--customers").type(Integer.class).setDefault(10_000).metavar("N")
                .help("number of customers (default 10000)");
        subparser.addArgument("--seed").type(Long.class).setDefault(42L).metavar("S")
                .help("random seed; the same seed gives the same account (default 42)");
        subparser.addArgument("--out").required(true).metavar("DIR").help("folder to write the CSV files into");
        subparser.addArgument("--engagement").action(Arguments.storeTrue())
                .help("also write campaigns.csv, touchpoints.csv and usage_events.csv");
        subparser.addArgument("--null-effects").action(Arguments.storeTrue())
                .help("adoption, churn and engagement independent of everything (a null world for checking claims)");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        Path out = Path.of(namespace.getString("out"));
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out: " + out + " exists and is not a folder");
        }
        int customers = namespace.getInt("customers");
        if (customers < 1 || customers > SyntheticAccountSpec.MAX_CUSTOMERS) {
            throw new UsageException("--customers must be between 1 and " + SyntheticAccountSpec.MAX_CUSTOMERS);
        }
        SyntheticAccountSpec spec = SyntheticAccountSpec.defaults(namespace.getLong("seed"), customers);
        boolean nullEffects = namespace.getBoolean("null_effects");
        TenantDataset dataset = SyntheticAccountGenerator.generate(spec,
                nullEffects ? SyntheticEffects.none() : SyntheticEffects.REALISTIC);
        if (namespace.getBoolean("engagement")) {
            dataset = SyntheticEngagementGenerator.withEngagement(dataset, spec.seed(), spec.historyEnd(), nullEffects);
        }
        Files.createDirectories(out);
        CanonicalCsvWriter.write(dataset, out);
        System.err.printf("wrote %d customers, %d items, %d one-time charges (%s to %s, %s) to %s%n",
                dataset.customers().size(), dataset.items().size(), dataset.charges().size(), spec.historyStart(),
                spec.historyEnd(), dataset.reportingCurrency(), out);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof UsageException) {
            CommandErrors.printMessage(cli, e);
        } else {
            CommandErrors.printUnexpected(cli, e);
        }
    }
}
