package io.xsell.server.rest;

import io.xsell.server.persistence.Dialect;
import org.junit.jupiter.api.extension.RegisterExtension;

class SnapshotRestartApiSqliteTest extends SnapshotRestartApiTest {
    @RegisterExtension
    static final XsellApp APP = server(Dialect.SQLITE);

    @Override
    XsellApp app() {
        return APP;
    }
}
