package io.xsell.server.rest;

import io.xsell.ingestion.stripe.fake.FakeStripeServer;
import io.xsell.server.persistence.Dialect;
import org.junit.jupiter.api.extension.RegisterExtension;

class StripeSyncApiSqliteTest extends StripeSyncApiTest {
    static final FakeStripeServer STRIPE = stripeDouble();

    @RegisterExtension
    static final XsellApp APP = server(Dialect.SQLITE, STRIPE);

    @Override
    XsellApp app() {
        return APP;
    }

    @Override
    FakeStripeServer stripe() {
        return STRIPE;
    }
}
