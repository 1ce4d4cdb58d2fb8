package io.xsell.server.rest;

import io.xsell.ingestion.chargebee.fake.ChargebeeFakeServer;
import io.xsell.server.fixture.SettableClock;
import io.xsell.server.persistence.Dialect;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChargebeeIncrementalApiPostgresqlTest extends ChargebeeIncrementalApiTest {
    static final ChargebeeFakeServer CHARGEBEE = chargebeeDouble();
    static final SettableClock CLOCK = clockAt(BACKFILL_AT);

    @RegisterExtension
    static final XsellApp APP = server(Dialect.POSTGRESQL, CHARGEBEE, CLOCK);

    @Override
    XsellApp app() {
        return APP;
    }

    @Override
    ChargebeeFakeServer chargebee() {
        return CHARGEBEE;
    }

    @Override
    SettableClock clock() {
        return CLOCK;
    }
}
