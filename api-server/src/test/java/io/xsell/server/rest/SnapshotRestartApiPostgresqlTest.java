package io.xsell.server.rest;

import io.xsell.server.persistence.Dialect;
import org.junit.jupiter.api.extension.RegisterExtension;

class SnapshotRestartApiPostgresqlTest extends SnapshotRestartApiTest {
    @RegisterExtension
    static final XsellApp APP = server(Dialect.POSTGRESQL);

    @Override
    XsellApp app() {
        return APP;
    }
}
