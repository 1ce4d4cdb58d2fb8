package io.xsell.server.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import io.dropwizard.db.ManagedDataSource;
import io.xsell.server.XsellConfiguration;
import io.xsell.server.persistence.DatabaseConfig;
import io.xsell.server.persistence.Databases;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import ru.vyarus.dropwizard.guice.module.support.DropwizardAwareModule;

/**
 * The persistent scheduler (db-scheduler) on the application's database. Features contribute
 * their tasks to the two sets bound here:
 *
 * <pre>{@code
 * Multibinder.newSetBinder(binder(), new TypeLiteral<Task<?>>() {}).addBinding().toProvider(...);
 * Multibinder.newSetBinder(binder(), new TypeLiteral<RecurringTask<?>>() {}).addBinding().toProvider(...);
 * }</pre>
 *
 * and schedule instances through the bound {@link SchedulerClient}.
 */
public class SchedulingModule extends DropwizardAwareModule<XsellConfiguration> {

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), new TypeLiteral<Task<?>>() { });
        Multibinder.newSetBinder(binder(), new TypeLiteral<RecurringTask<?>>() { });
    }

    /** Its own small pool, so long tasks never starve API requests of connections. */
    @Provides
    @Singleton
    SchedulerDatabase schedulerDatabase(Jdbi migratedFirst) {
        DatabaseConfig database = configuration().getDatabase();
        ManagedDataSource pool = Databases.dataSourceFactory(database)
                .build(environment().metrics(), "scheduler");
        environment().lifecycle().manage(pool);
        return new SchedulerDatabase(pool, database.dialect());
    }

    @Provides
    @Singleton
    SchedulerClient schedulerClient(SchedulerDatabase database) {
        return Schedulers.client(database);
    }

    @Provides
    @Singleton
    Scheduler scheduler(SchedulerDatabase database, Set<Task<?>> tasks, Set<RecurringTask<?>> recurring) {
        return Schedulers.scheduler(database, configuration().getScheduler(), instanceName(), tasks, recurring);
    }

    /** Host name plus a random part: two instances on one host must not share a name. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 50 ? name.substring(name.length() - 50) : name;
    }
}
