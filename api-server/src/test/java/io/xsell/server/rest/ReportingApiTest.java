package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.xsell.core.metrics.Window;
import io.xsell.core.model.TenantId;
import io.xsell.reporting.delivery.OutboxDispatcher;
import io.xsell.reporting.delivery.RetryPolicy;
import io.xsell.reporting.mail.EmailMessage;
import io.xsell.reporting.mail.SimpleJavaMailSender;
import io.xsell.reporting.mail.SmtpSecurity;
import io.xsell.reporting.mail.SmtpSettings;
import io.xsell.reporting.port.RenderedSummary;
import io.xsell.reporting.port.SendEmailPort;
import io.xsell.reporting.schedule.Cadence;
import io.xsell.reporting.schedule.SendSchedule;
import io.xsell.server.fixture.EngagementSectionRows;
import io.xsell.server.fixture.WorkedExample;
import io.xsell.server.fixture.Zips;
import io.xsell.server.persistence.Dialect;
import io.xsell.server.reporting.JdbiReportScheduleStore;
import io.xsell.server.reporting.JdbiReportStore;
import io.xsell.server.reporting.ReportGeneration;
import io.xsell.server.reporting.ReportSchedule;
import io.xsell.server.tenant.TenantAdministration.IssuedKey;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Report schedules and reports over REST, with the scheduler polling every 200 ms and the outbox
 * every second, mailing to a GreenMail SMTP server: validation, the summary's figures against
 * the metric endpoints, delivery of a schedule created through the API exactly once, retries and
 * failure of refused sends, and no duplicate after a stop during sending. Runs once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportingApiTest {
    /** The headline rows of the summary: field of GET /v1/metrics/cross-sell, label printed. */
    private static final Map<String, String> HEADLINES = new LinkedHashMap<>();

    static {
        HEADLINES.put("cross_sell_mrr", "Cross-sell MRR");
        HEADLINES.put("cross_sell_rate_pct", "Cross-sell rate");
        HEADLINES.put("customer_cross_sell_rate_pct", "Customer cross-sell rate");
        HEADLINES.put("attachment_rate", "Attachment rate");
        HEADLINES.put("products_per_customer", "Products per customer");
        HEADLINES.put("expansion_mrr", "Expansion MRR");
        HEADLINES.put("upsell_mrr", "of which upsell MRR");
        HEADLINES.put("cross_sell_share_of_expansion_pct", "Cross-sell share of expansion");
        HEADLINES.put("arr", "ARR");
        HEADLINES.put("net_revenue_retention_pct", "Net revenue retention");
        HEADLINES.put("gross_revenue_retention_pct", "Gross revenue retention");
        HEADLINES.put("quick_ratio", "Quick ratio");
    }

    private String key;
    private TenantId tenant;
    private String tenantName;

    abstract XsellApp app();

    abstract GreenMail smtp();

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static XsellApp server(Dialect dialect, int smtpPort) {
        return XsellApp.on(dialect)
                .with("scheduler.pollingInterval", "200ms")
                .with("reporting.outboxInterval", "1s")
                .with("reporting.maxAttempts", "2")
                .with("reporting.initialBackoff", "1s")
                .with("reporting.maxBackoff", "1s")
                .with("reporting.smtp.host", "127.0.0.1")
                .with("reporting.smtp.port", String.valueOf(smtpPort))
                .with("reporting.smtp.security", "plain")
                .with("reporting.smtp.from", "reports@xsell.test")
                .with("reporting.smtp.timeout", "5s")
                .with("reporting.publicBaseUrl", PUBLIC_BASE_URL + "/");
    }

    /** The address recipients reach the server at; the tests send the link's path to the local app. */
    static final String PUBLIC_BASE_URL = "https://xsell.example.test";

    static GreenMail smtp(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // GreenMail's 2 s default was once too short on a shared 2-core machine
        setup.setServerStartupTimeout(30_000);
        return new GreenMail(setup);
    }

    @BeforeAll
    void startMailAndImportTheWorkedExample() {
        smtp().start();
        IssuedKey issued = app().createTenant("reports");
        key = issued.apiKey();
        tenant = issued.tenant().id();
        tenantName = issued.tenant().name();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
    }

    @AfterAll
    void stopMail() {
        smtp().stop();
    }

    @BeforeEach
    void emptyInbox() throws Exception {
        smtp().purgeEmailFromAllMailboxes();
    }

    private ApiResponse postSchedule(String json) {
        return app().post("/v1/report-schedules", key, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String money(JsonNode value) {
        return EngagementSectionRows.usd(value);
    }

    /** As the summary prints the headline field: money with $, percentages with %, ratios bare. */
    private static String figure(String field, JsonNode value) {
        if (value.isNull()) {
            return "n/a";
        }
        if (field.endsWith("_mrr") || field.equals("arr")) {
            return money(value);
        }
        String number = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US))
                .format(value.decimalValue());
        return number + (field.endsWith("_pct") ? " %" : "");
    }

    /**
     * The worked example's campaigns in Q2 2025, counted pro rata by days: the push ran 1 February
     * to 30 June (150 days), 91 of them in the quarter, so 10,000 x 91 / 150; the in-app prompt is free.
     */
    static final java.util.Map<String, java.math.BigDecimal> Q2_PERIOD_COSTS = java.util.Map.of(
            "b-push", new java.math.BigDecimal("10000").multiply(java.math.BigDecimal.valueOf(91))
                    .divide(java.math.BigDecimal.valueOf(150), java.math.MathContext.DECIMAL128),
            "prompt", java.math.BigDecimal.ZERO);


    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void invalidSchedulesAre422NamingEachFieldAndRecipientIndexAndStoreNothing() {
        JsonNode problem = postSchedule("""
                {"cadence": "daily", "time_zone": "Mars/Olympus", "send_day": 32, "send_time": "25:00",
                 "recipients": ["cfo@acme.com", "not an address", "", "cfo@acme.com"], "colour": "red"}""")
                .expectProblem(422);
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactly("cadence", "time_zone", "send_day", "send_time", "recipients[1]",
                "recipients[2]", "recipients[3]", "colour");
        assertThat(problem.path("errors").get(4).path("message").asText()).contains("'not an address'");
        assertThat(problem.path("detail").asText()).contains("recipients[1]");

        postSchedule("{\"cadence\": \"weekly\", \"send_day\": 8, \"recipients\": [\"a@acme.com\"]}").expectProblem(422)
                .path("errors").get(0).path("message").asText().contains("between 1 and 7");
        assertThat(postSchedule("{\"cadence\": \"monthly\"}").expectProblem(422).path("errors").get(0).path("field")
                .asText()).isEqualTo("recipients");
        assertThat(postSchedule("{\"recipients\": \"a@acme.com\"}").expectProblem(422).path("errors").get(0)
                .path("field").asText()).isEqualTo("recipients");
        assertThat(postSchedule("[1, 2]").expectProblem(422).path("errors").get(0).path("field").asText())
                .isEqualTo("body");
        postSchedule("{not json").expectProblem(400);
        assertThat(app().get("/v1/report-schedules", key).expectJson(200)).isEmpty();
    }

    @Test
    void aScheduleIsCreatedListedReadAndDeletedAndItsNextRunIsOnTheLocalClock() {
        JsonNode created = postSchedule("""
                {"cadence": "monthly", "time_zone": "Europe/Berlin", "send_day": 31, "send_time": "09:30",
                 "recipients": ["cfo@acme.com", "revops@acme.com"]}""").expectJson(201);
        String id = created.path("id").asText();
        SendSchedule expected = new SendSchedule(Cadence.MONTHLY, ZoneId.of("Europe/Berlin"), 31, LocalTime.of(9, 30));
        Instant next = java.time.OffsetDateTime.parse(created.path("next_run_at").asText()).toInstant();
        assertThat(next).isEqualTo(expected.nextRunAfter(next.minusSeconds(1)));
        assertThat(next).isAfter(Instant.now().minusSeconds(5));
        assertThat(created.path("time_zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(created.path("send_time").asText()).isEqualTo("09:30");
        assertThat(created.path("recipients")).hasSize(2);

        assertThat(app().get("/v1/report-schedules", key).expectJson(200)).extracting(s -> s.path("id").asText())
                .contains(id);
        assertThat(app().get("/v1/report-schedules/" + id, key).expectJson(200).path("send_day").asInt()).isEqualTo(31);

        var scheduler = app().instance(com.github.kagkarlsson.scheduler.SchedulerClient.class);
        var instance = io.xsell.server.reporting.ReportScheduleTask.TASK.instanceId(id);
        assertThat(scheduler.getScheduledExecution(instance)).get()
                .satisfies(e -> assertThat(e.getExecutionTime()).isEqualTo(next));

        ApiResponse deleted = app().send(app().request("/v1/report-schedules/" + id, key).DELETE().build());
        assertThat(deleted.status()).isEqualTo(204);
        app().get("/v1/report-schedules/" + id, key).expectProblem(404);
        app().send(app().request("/v1/report-schedules/" + id, key).DELETE().build()).expectProblem(404);
        assertThat(scheduler.getScheduledExecution(instance)).isEmpty();
    }

    @Test
    void theStoredPdfAndHtmlHoldTheHeadlineFiguresTheMetricsApiAnswersForThePeriodAndTheOneBefore() throws Exception {
        Window march = Window.of("2025-03-01", "2025-04-01");
        String id = app().instance(ReportGeneration.class).generate(tenant, null, Cadence.MONTHLY, march, null, List.of());

        JsonNode now = app().get("/v1/metrics/cross-sell?from=2025-03-01&to=2025-04-01", key).expectJson(200);
        JsonNode before = app().get("/v1/metrics/cross-sell?from=2025-02-01&to=2025-03-01", key).expectJson(200);
        assertThat(now.path("cross_sell_mrr").toString()).isEqualTo("21000.00"); // the worked example's product B

        ApiResponse pdf = app().get("/v1/reports/" + id + ".pdf", key);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        String text = pdfText(pdf.body());
        ApiResponse html = app().get("/v1/reports/" + id + ".html", key);
        assertThat(html.contentType()).startsWith("text/html");
        for (Map.Entry<String, String> headline : HEADLINES.entrySet()) {
            String field = headline.getKey();
            String row = headline.getValue() + " " + figure(field, now.path(field)) + " " + figure(field, before.path(field));
            assertThat(text).as(field).contains(row);
            assertThat(html.text()).as(field).contains(figure(field, now.path(field)));
        }
        assertThat(text).contains("Cross-sell MRR $21,000.00 $9,500.00 +$11,500.00");
        JsonNode movements = app().get("/v1/metrics/movements?from=2025-03-01&to=2025-04-01&granularity=month", key)
                .expectJson(200).path("periods").get(0);
        assertThat(text).contains("Starting MRR " + money(movements.path("starting_mrr")),
                "Ending MRR " + money(movements.path("ending_mrr")));
        JsonNode line = now.path("by_product_line").get(0);
        assertThat(text).contains(line.path("product_line").asText() + " module " + money(line.path("cross_sell_mrr")));
        assertThat(text).contains("Verdict: " + now.path("benchmark").path("verdict").asText().replace('_', ' '));
        assertThat(text).as("no campaigns or usage: no engagement section").doesNotContain("Campaigns and engagement");

        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 50);
            long ink = Arrays.stream(page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth()))
                    .filter(rgb -> ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 200).count();
            assertThat(ink).as("dark pixels on page 1").isGreaterThan(page.getWidth() * (long) page.getHeight() / 100);
        }

        JsonNode listed = app().get("/v1/reports", key).expectJson(200);
        JsonNode report = ApiResponse.list(listed).stream().filter(r -> r.path("id").asText().equals(id)).findFirst()
                .orElseThrow();
        assertThat(report.path("from").asText()).isEqualTo("2025-03-01");
        assertThat(report.path("to").asText()).isEqualTo("2025-04-01");
        assertThat(report.path("cadence").asText()).isEqualTo("monthly");
        assertThat(report.path("pdf_url").asText()).isEqualTo("/v1/reports/" + id + ".pdf");
        assertThat(report.path("pdf_bytes").asLong()).isEqualTo(pdf.body().length);
        assertThat(report.path("delivery").isNull()).isTrue();
        app().get("/v1/reports/" + UUID.randomUUID() + ".pdf", key).expectProblem(404);
    }

    /**
     * The email of a schedule carries List-Unsubscribe with a link on the public base URL; its GET only
     * shows a button (mail scanners fetch links), a one-click POST (RFC 8058) removes the schedule, and
     * the used link is then unknown.
     */
    @Test
    void theUnsubscribeLinkOfAScheduledEmailRemovesTheSchedule() throws Exception {
        String id = postSchedule("{\"cadence\": \"monthly\", \"recipients\": [\"cfo@acme.test\"]}")
                .expectJson(201).path("id").asText();
        app().instance(ReportGeneration.class).generate(tenant, id, Cadence.MONTHLY, Window.of("2025-03-01", "2025-04-01"),
                null, List.of("cfo@acme.test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp().getReceivedMessages().length >= 1);
        MimeMessage mail = smtp().getReceivedMessages()[0];
        String header = mail.getHeader("List-Unsubscribe")[0];
        assertThat(header).matches("<" + java.util.regex.Pattern.quote(PUBLIC_BASE_URL) + "/unsubscribe/[A-Za-z0-9_-]{43}>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String path = header.substring(1 + PUBLIC_BASE_URL.length(), header.length() - 1);

        ApiResponse page = app().get(path, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<form method=\"post\">");
        app().get("/v1/report-schedules/" + id, key).expectJson(200);

        ApiResponse done = app().post(path, null, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text()).contains("Unsubscribed");
        app().get("/v1/report-schedules/" + id, key).expectProblem(404);
        assertThat(app().post(path, null, "application/x-www-form-urlencoded", new byte[0]).status()).isEqualTo(404);
        assertThat(app().get("/unsubscribe/not-a-token", null).status()).isEqualTo(404);
    }

    @Test
    void theCampaignAndEngagementSectionPrintsTheFiguresOfTheAnalyticsApi() {
        IssuedKey issued = app().createTenant("reports-engagement");
        String engagementKey = issued.apiKey();
        app().postZip(engagementKey, Zips.zip(WorkedExample.filesWithEngagement())).expectJson(201);
        Window q2 = Window.of("2025-04-01", "2025-07-01");
        String id = app().instance(ReportGeneration.class).generate(issued.tenant().id(), null, Cadence.QUARTERLY, q2,
                null, List.of());

        String window = "from=2025-04-01&to=2025-07-01";
        JsonNode campaigns = app().get("/v1/analytics/campaigns?" + window, engagementKey).expectJson(200);
        JsonNode journeys = app().get("/v1/analytics/journeys?" + window, engagementKey).expectJson(200);
        JsonNode engagement = app().get("/v1/analytics/engagement?" + window, engagementKey).expectJson(200);
        // the free in-app prompt earned c2's 28,000 on its touch day; the 10,000 push earned nothing this quarter
        assertThat(campaigns.path("campaigns").get(1).path("attributed_cross_sell_mrr").toString()).isEqualTo("28000.00");
        assertThat(campaigns.path("campaigns").get(0).path("roi_pct").toString()).isEqualTo("-100.00");

        String text = pdfText(app().get("/v1/reports/" + id + ".pdf", engagementKey).body());
        // the push's 6,066.67 of the quarter returned nothing in it: -100 % of what the quarter spent
        assertThat(text).contains("Campaigns and engagement",
                "In-app prompt in app $0.00 $0.00 1 1 $28,000.00 $336,000.00 n/a*",
                "Product B push email $10,000.00 $6,066.67 1 0 $0.00 $0.00 -100.00 %", "* n/a: zero cost");
        assertThat(text.indexOf("In-app prompt")).as("most attributed MRR first").isLessThan(text.indexOf("Product B push"));
        for (String row : EngagementSectionRows.of(campaigns, journeys, engagement, Q2_PERIOD_COSTS)) {
            assertThat(text).as(row).contains(row);
        }
        assertThat(app().get("/v1/reports/" + id + ".html", engagementKey).text()).contains("Campaigns and engagement");
    }

    @Test
    void aScheduleCreatedThroughTheApiDeliversThePdfOnTimeOnce() throws Exception {
        ZoneId zone = ZoneId.of("America/New_York");
        ZonedDateTime sendAt = ZonedDateTime.now(zone).plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        JsonNode created = postSchedule("{\"cadence\": \"weekly\", \"time_zone\": \"America/New_York\", \"send_day\": "
                + sendAt.getDayOfWeek().getValue() + ", \"send_time\": \"" + sendAt.toLocalTime() + "\", "
                + "\"recipients\": [\"cfo@acme.test\"]}").expectJson(201);
        String id = created.path("id").asText();
        assertThat(java.time.OffsetDateTime.parse(created.path("next_run_at").asText()).toInstant())
                .isEqualTo(sendAt.toInstant());

        // on time: not before the send instant, and within the first render's cost (the templates compile
        // once per JVM) plus a scheduler poll on a machine shared with other builds
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> smtp().getReceivedMessages().length >= 1);
        Instant received = Instant.now();
        assertThat(received).isAfterOrEqualTo(sendAt.toInstant());
        assertThat(Duration.between(sendAt.toInstant(), received)).isLessThan(Duration.ofSeconds(40));

        MimeMessage mail = smtp().getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("cfo@acme.test");
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        collect(mail, attachments);
        assertThat(attachments).hasSize(1);
        String name = attachments.keySet().iterator().next();
        assertThat(name).isEqualTo(tenantName + " cross-sell summary " + sendAt.toLocalDate().minusWeeks(1)
                .with(java.time.DayOfWeek.MONDAY) + " to " + sendAt.toLocalDate().minusWeeks(1)
                .with(java.time.DayOfWeek.SUNDAY) + ".pdf");
        assertThat(mail.getSubject()).isEqualTo(tenantName + ": cross-sell summary "
                + sendAt.toLocalDate().minusWeeks(1).with(java.time.DayOfWeek.MONDAY) + " to "
                + sendAt.toLocalDate().minusWeeks(1).with(java.time.DayOfWeek.SUNDAY));
        assertThat(mail.isMimeType("multipart/mixed")).isTrue();
        String[] unsubscribe = mail.getHeader("List-Unsubscribe");
        assertThat(unsubscribe).hasSize(1);
        assertThat(unsubscribe[0]).startsWith("<" + PUBLIC_BASE_URL + "/unsubscribe/").endsWith(">");
        String text = pdfText(attachments.get(name));
        assertThat(text).contains("Cross-sell summary: " + tenantName, "(weekly)");

        // the report is listed as sent, once; the schedule moved on to next week
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveryOf(id).map(d -> d.path("status").asText())
                .orElse("").equals("sent"));
        JsonNode delivery = deliveryOf(id).orElseThrow();
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.path("sent_at").asText()).isNotEmpty();
        JsonNode schedule = app().get("/v1/report-schedules/" + id, key).expectJson(200);
        assertThat(java.time.OffsetDateTime.parse(schedule.path("next_run_at").asText()).toInstant())
                .isEqualTo(sendAt.plusWeeks(1).toInstant());
        // several scheduler and outbox polls later, still one email
        Thread.sleep(3000);
        assertThat(smtp().getReceivedMessages()).hasSize(1);
        assertThat(reportsOfSchedule(id)).hasSize(1);
        app().send(app().request("/v1/report-schedules/" + id, key).DELETE().build());
    }

    @Test
    void refusedSendsAreRetriedWithBackoffThenFailedAndTheApiShowsIt() throws Exception {
        int port = smtp().getSmtp().getPort();
        smtp().stop();
        try {
            String id = app().instance(ReportGeneration.class).generate(tenant, null, Cadence.MONTHLY,
                    Window.of("2025-05-01", "2025-06-01"), null, List.of("cfo@acme.test"));
            await().atMost(Duration.ofSeconds(30)).until(() -> reportStatus(id).equals("failed"));
            JsonNode delivery = reportById(id).path("delivery");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
            assertThat(delivery.path("last_error").asText()).startsWith("attempt 2 of 2")
                    .contains("127.0.0.1:" + port);
        } finally {
            smtp().start();
        }
        Thread.sleep(1500);
        assertThat(smtp().getReceivedMessages()).as("a failed email is not sent later").isEmpty();

        // until the tenant asks for it again
        String failed = ApiResponse.list(app().get("/v1/reports?limit=500", key).expectJson(200)).stream()
                .filter(r -> r.path("delivery").path("status").asText().equals("failed")
                        && r.path("from").asText().equals("2025-05-01"))
                .findFirst().orElseThrow().path("id").asText();
        JsonNode queued = resend(failed).expectJson(202);
        assertThat(queued.path("delivery").path("status").asText()).isIn("pending", "sending", "sent");
        assertThat(queued.path("delivery").path("attempts").asInt()).isLessThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> reportStatus(failed).equals("sent"));
        assertThat(smtp().getReceivedMessages()).hasSize(1);
        assertThat(resend(failed).expectProblem(409).path("detail").asText()).contains("is sent");
        String withoutEmail = app().instance(ReportGeneration.class).generate(tenant, null, Cadence.MONTHLY,
                Window.of("2025-07-01", "2025-08-01"), null, List.of());
        assertThat(resend(withoutEmail).expectProblem(409).path("detail").asText()).contains("has no email");
        resend(UUID.randomUUID().toString()).expectProblem(404);
    }

    private ApiResponse resend(String reportId) {
        return app().send(app().request("/v1/reports/" + reportId + "/resend", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void aStopDuringSendingSendsNoDuplicateAfterTheRestart() throws Exception {
        JdbiReportStore store = app().instance(JdbiReportStore.class);
        // queued an hour ahead, so the server's own outbox task leaves it to the dispatchers of this test
        Instant due = Instant.now().plus(Duration.ofHours(1));
        String id = UUID.randomUUID().toString();
        EmailMessage email = new EmailMessage("x@xsell", List.of("cfo@acme.test"), "Summary", "<p>figures</p>",
                List.of(new EmailMessage.Attachment("summary.pdf", "application/pdf", new byte[] {1})));
        store.save(new JdbiReportStore.NewReport(id, tenant, null, "monthly", Window.of("2025-06-01", "2025-07-01"),
                Instant.now()), new RenderedSummary("<html/>", new byte[] {1}), email, due);
        SimpleJavaMailSender smtpSender = new SimpleJavaMailSender(new SmtpSettings("127.0.0.1",
                smtp().getSmtp().getPort(), SmtpSecurity.PLAIN, null, null, "reports@xsell.test", Duration.ofSeconds(5)));
        RetryPolicy retry = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(1));
        Duration lease = Duration.ofMinutes(10);

        // the first process: the server accepts the email, then the process dies before recording it
        SendEmailPort acceptedThenKilled = message -> {
            smtpSender.send(message);
            throw new IllegalStateException("killed");
        };
        Clock first = Clock.fixed(due, ZoneOffset.UTC);
        try {
            new OutboxDispatcher(store, acceptedThenKilled, retry, lease, first).dispatchDue();
        } catch (IllegalStateException expected) {
            // the process is gone
        }
        assertThat(smtp().getReceivedMessages()).hasSize(1);
        assertThat(reportStatus(id)).isEqualTo("sending");

        // the restarted process, soon after and long after: never a second copy
        for (Duration later : List.of(Duration.ofMinutes(1), Duration.ofMinutes(11), Duration.ofHours(3))) {
            new OutboxDispatcher(store, smtpSender, retry, lease, Clock.fixed(due.plus(later), ZoneOffset.UTC))
                    .dispatchDue();
        }
        assertThat(smtp().getReceivedMessages()).hasSize(1);
        JsonNode delivery = reportById(id).path("delivery");
        assertThat(delivery.path("status").asText()).isEqualTo("failed");
        assertThat(delivery.path("last_error").asText()).contains("interrupted", "not resent");
        smtpSender.close();
    }

    @Test
    void aScheduledRunThatIsExecutedAgainFindsItsReportAndQueuesNothingNew() {
        JdbiReportScheduleStore schedules = app().instance(JdbiReportScheduleStore.class);
        ReportSchedule schedule = new ReportSchedule(UUID.randomUUID().toString(), tenant,
                new SendSchedule(Cadence.MONTHLY, ZoneId.of("UTC"), 1, LocalTime.of(6, 0)), List.of("cfo@acme.test"),
                null, Instant.now(), Instant.parse("2025-04-01T06:00:00Z"));
        schedules.insert(schedule);
        ReportGeneration generation = app().instance(ReportGeneration.class);
        String first = generation.runScheduled(schedule, Instant.parse("2025-04-01T06:00:00Z"));
        String again = generation.runScheduled(schedule, Instant.parse("2025-04-01T06:00:00Z"));
        assertThat(again).isEqualTo(first);
        assertThat(reportsOfSchedule(schedule.id())).hasSize(1);
        assertThat(reportById(first).path("from").asText()).isEqualTo("2025-03-01");
        schedules.delete(tenant, schedule.id());
    }

    private List<JsonNode> reportsOfSchedule(String scheduleId) {
        return ApiResponse.list(app().get("/v1/reports?limit=500", key).expectJson(200)).stream()
                .filter(r -> r.path("schedule_id").asText().equals(scheduleId)).toList();
    }

    private JsonNode reportById(String id) {
        return ApiResponse.list(app().get("/v1/reports?limit=500", key).expectJson(200)).stream()
                .filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    private String reportStatus(String id) {
        return reportById(id).path("delivery").path("status").asText();
    }

    private java.util.Optional<JsonNode> deliveryOf(String scheduleId) {
        return reportsOfSchedule(scheduleId).stream().findFirst().map(r -> r.path("delivery"));
    }

    private static void collect(Part part, Map<String, byte[]> attachments) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, attachments);
            }
        } else if (part.getFileName() != null) {
            try (InputStream in = part.getInputStream()) {
                attachments.put(part.getFileName(), in.readAllBytes());
            }
        }
    }

}
