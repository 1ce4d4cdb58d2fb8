package io.xsell.server.cli;

import io.xsell.server.XsellConfiguration;
import io.xsell.server.persistence.Databases;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code db migrate}: brings the configured database's schema up to date (the server does it at start too). */
public class DbCommand extends DatabaseCommand {

    public DbCommand() {
        super("db", "Database maintenance: 'db migrate' applies pending schema migrations");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("migrate").help("what to do");
        super.configure(subparser);
    }

    @Override
    protected void execute(Namespace namespace, XsellConfiguration configuration) {
        int applied = Databases.migrate(configuration.getDatabase());
        System.out.println(applied == 0 ? "schema is up to date" : "applied " + applied + " migration(s)");
    }
}
