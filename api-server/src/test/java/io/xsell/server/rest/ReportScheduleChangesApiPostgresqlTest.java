package io.xsell.server.rest;

import com.icegreen.greenmail.util.GreenMail;
import io.xsell.server.persistence.Dialect;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReportScheduleChangesApiPostgresqlTest extends ReportScheduleChangesApiTest {
    private static final int SMTP_PORT = ReportingApiTest.freePort();
    private static final GreenMail SMTP = ReportingApiTest.smtp(SMTP_PORT);

    @RegisterExtension
    static final XsellApp APP = ReportingApiTest.server(Dialect.POSTGRESQL, SMTP_PORT);

    @Override
    XsellApp app() {
        return APP;
    }

    @Override
    GreenMail smtp() {
        return SMTP;
    }
}
