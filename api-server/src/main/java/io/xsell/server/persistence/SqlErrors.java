package io.xsell.server.persistence;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Recognises database errors the same way on both dialects. */
final class SqlErrors {
    private static final String POSTGRES_UNIQUE_VIOLATION = "23505";
    private static final String POSTGRES_UNDEFINED_TABLE = "42P01";

    private SqlErrors() {
    }

    /** True when {@code error} or one of its causes is a unique or primary key violation. */
    static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                    return true;
                }
            } else if (t instanceof SQLException sql && POSTGRES_UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code error} or one of its causes is PostgreSQL's undefined_table. */
    static boolean isUndefinedTable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && POSTGRES_UNDEFINED_TABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
