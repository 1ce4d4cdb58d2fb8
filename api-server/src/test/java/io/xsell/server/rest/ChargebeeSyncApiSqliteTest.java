package io.xsell.server.rest;

import io.xsell.ingestion.chargebee.fake.ChargebeeFakeServer;
import io.xsell.server.persistence.Dialect;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChargebeeSyncApiSqliteTest extends ChargebeeSyncApiTest {
    static final ChargebeeFakeServer CHARGEBEE = chargebeeDouble();

    @RegisterExtension
    static final XsellApp APP = server(Dialect.SQLITE, CHARGEBEE);

    @Override
    XsellApp app() {
        return APP;
    }

    @Override
    ChargebeeFakeServer chargebee() {
        return CHARGEBEE;
    }
}
