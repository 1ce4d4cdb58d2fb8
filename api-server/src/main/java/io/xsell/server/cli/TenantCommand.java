package io.xsell.server.cli;

import io.xsell.server.XsellConfiguration;
import io.xsell.server.persistence.Databases;
import io.xsell.server.persistence.JdbiTenantRegistry;
import io.xsell.server.tenant.ApiKeyInfo;
import io.xsell.server.tenant.TenantAdministration;
import java.io.PrintStream;
import java.time.Clock;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code tenant create NAME [--currency CODE]}, {@code tenant list}, {@code tenant keys NAME},
 * {@code tenant rotate-key NAME}, {@code tenant revoke-key NAME (--prefix P | --all)}.
 * A new key is printed once, as the last line of stdout, so scripts can take it with {@code tail -1}.
 */
public class TenantCommand extends DatabaseCommand {

    public TenantCommand() {
        super("tenant", "Manage tenants and their API keys");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("create", "list", "keys", "rotate-key", "revoke-key")
                .help("what to do");
        subparser.addArgument("name").nargs("?").help("the tenant's name (all actions but list)");
        subparser.addArgument("--currency").setDefault("USD").help("reporting currency of a new tenant (default USD)");
        subparser.addArgument("--prefix").help("revoke-key: the key's shown prefix (see 'tenant keys')");
        subparser.addArgument("--all").action(Arguments.storeTrue()).help("revoke-key: revoke every key of the tenant");
        super.configure(subparser);
    }

    @Override
    protected void execute(Namespace namespace, XsellConfiguration configuration) {
        Databases.migrate(configuration.getDatabase());
        TenantAdministration admin = new TenantAdministration(
                new JdbiTenantRegistry(Databases.jdbi(configuration.getDatabase())), Clock.systemUTC());
        String action = namespace.getString("action");
        String name = namespace.getString("name");
        if (!action.equals("list") && name == null) {
            throw new UsageException("tenant " + action + " needs the tenant's name");
        }
        PrintStream out = System.out;
        switch (action) {
            case "create" -> {
                TenantAdministration.IssuedKey issued = admin.createTenant(name, namespace.getString("currency"));
                out.println("created tenant " + issued.tenant().name() + " (id " + issued.tenant().id()
                        + ", reporting currency " + issued.tenant().reportingCurrency() + ")");
                out.println("API key (shown only now; store it safely):");
                out.println(issued.apiKey());
            }
            case "list" -> admin.list().forEach(s -> out.println(s.tenant().name() + "\t" + s.tenant().id() + "\t"
                    + s.tenant().reportingCurrency() + "\tcreated " + s.tenant().createdAt() + "\t" + s.activeKeys()
                    + " active key(s)"));
            case "keys" -> admin.keys(name).forEach(k -> out.println(describe(k)));
            case "rotate-key" -> {
                TenantAdministration.IssuedKey issued = admin.rotateKey(name);
                out.println("every earlier key of " + name + " is revoked; the new API key (shown only now):");
                out.println(issued.apiKey());
            }
            case "revoke-key" -> revoke(admin, name, namespace, out);
            default -> throw new UsageException("unknown action " + action);
        }
    }

    private static void revoke(TenantAdministration admin, String name, Namespace namespace, PrintStream out) {
        String prefix = namespace.getString("prefix");
        boolean all = namespace.getBoolean("all");
        if ((prefix == null) == !all) {
            throw new UsageException("tenant revoke-key needs exactly one of --prefix P or --all");
        }
        if (all) {
            out.println("revoked " + admin.revokeAllKeys(name) + " key(s) of " + name);
        } else if (admin.revokeKey(name, prefix)) {
            out.println("revoked key " + prefix + " of " + name);
        } else {
            throw new UsageException(name + " has no active key with prefix " + prefix);
        }
    }

    private static String describe(ApiKeyInfo key) {
        return key.prefix() + "…\tcreated " + key.createdAt() + "\t"
                + (key.active() ? "active" : "revoked " + key.revokedAt());
    }
}
