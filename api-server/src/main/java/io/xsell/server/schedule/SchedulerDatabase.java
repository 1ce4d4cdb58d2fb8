package io.xsell.server.schedule;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization;
import io.xsell.server.persistence.Dialect;
import java.util.Objects;
import javax.sql.DataSource;

/** The connections db-scheduler works on, with the SQL flavour of their dialect. */
public record SchedulerDatabase(DataSource dataSource, Dialect dialect) {

    public SchedulerDatabase {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * Named rather than auto-detected, so a proxy or pool that hides the driver cannot silently
     * select generic SQL.
     */
    public JdbcCustomization customization() {
        return switch (dialect) {
            // generic lock-and-fetch off: PostgreSQL's single-statement UPDATE ... SKIP LOCKED is used
            case POSTGRESQL -> new PostgreSqlJdbcCustomization(false, true);
            case SQLITE -> new SqliteJdbcCustomization();
        };
    }
}
