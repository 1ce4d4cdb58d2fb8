package io.xsell.server.persistence.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.server.persistence.TestDatabase;
import io.xsell.server.persistence.TestDatabases;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGResultSetMetaData;

/**
 * On PostgreSQL the snapshot's body is read in binary (pgjdbc's first execution would otherwise
 * ask for text, a hex encoding decoded in Java), with the same bytes; SQLite reads it as before.
 */
class SnapshotBodyTransferTest {
    @RegisterExtension
    static final TestDatabases DATABASES = new TestDatabases();
    private static final StatementCustomizer NONE = new StatementCustomizer() {
    };
    private static final byte[] BYTES = {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff, 92, 120};

    @Test
    void postgresqlSendsTheBodyInBinaryWithTheSameBytes() {
        TestDatabase postgresql = DATABASES.postgresql();
        assertThat(format(postgresql, JdbiTenantSnapshots.BINARY_BODY)).as("binary").isEqualTo(1);
        assertThat(format(postgresql, NONE)).as("text without it").isZero();
        assertThat(read(postgresql, JdbiTenantSnapshots.BINARY_BODY)).isEqualTo(read(postgresql, NONE))
                .isEqualTo(BYTES);
    }

    @Test
    void sqliteReadsTheSameBytesWithTheCustomizer() {
        assertThat(read(DATABASES.sqlite(), JdbiTenantSnapshots.BINARY_BODY)).isEqualTo(BYTES);
    }

    private static int format(TestDatabase database, StatementCustomizer customizer) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT CAST(:body AS BYTEA)")
                .addCustomizer(customizer)
                .bind("body", BYTES)
                .map((rs, ctx) -> rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(1))
                .one());
    }

    private static byte[] read(TestDatabase database, StatementCustomizer customizer) {
        return database.jdbi().withHandle(h -> h.createQuery(database.dialect() == io.xsell.server.persistence.Dialect.POSTGRESQL
                        ? "SELECT CAST(:body AS BYTEA)" : "SELECT :body")
                .addCustomizer(customizer)
                .bind("body", BYTES)
                .mapTo(byte[].class)
                .one());
    }
}
