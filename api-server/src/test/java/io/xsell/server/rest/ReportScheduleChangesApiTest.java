package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.icegreen.greenmail.util.GreenMail;
import io.xsell.core.metrics.Window;
import io.xsell.reporting.schedule.Cadence;
import io.xsell.reporting.schedule.SendSchedule;
import io.xsell.server.fixture.WorkedExample;
import io.xsell.server.reporting.ReportScheduleTask;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Changing a schedule ({@code PATCH}) and sending its summary now for a period, against GreenMail:
 * validation as on creation, tenant scoping, the next send planned again in db-scheduler, and an
 * on-demand report stored, listed and emailed exactly once. Runs once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportScheduleChangesApiTest {
    private String key;
    private String otherKey;

    abstract XsellApp app();

    abstract GreenMail smtp();

    @BeforeAll
    void startMailAndImportTheWorkedExample() {
        smtp().start();
        key = app().createTenant("changes").apiKey();
        otherKey = app().createTenant("other").apiKey();
        app().postZip(key, WorkedExample.zip()).expectJson(201);
    }

    @AfterAll
    void stopMail() {
        smtp().stop();
    }

    private String createSchedule(String recipient) {
        return app().post("/v1/report-schedules", key, "application/json", ("{\"cadence\": \"monthly\", "
                        + "\"time_zone\": \"Europe/Berlin\", \"send_day\": 28, \"send_time\": \"09:30\", \"recipients\": [\""
                        + recipient + "\"]}").getBytes(StandardCharsets.UTF_8))
                .expectJson(201).path("id").asText();
    }

    private ApiResponse patch(String id, String apiKey, String json) {
        return app().send(app().request("/v1/report-schedules/" + id, apiKey).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private ApiResponse send(String id, String apiKey, String json) {
        return app().post("/v1/report-schedules/" + id + "/send", apiKey, "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Test
    void aPatchChangesTheGivenFieldsKeepsTheOthersAndPlansTheNextSendAgain() {
        String id = createSchedule("cfo@acme.com");

        JsonNode changed = patch(id, key, """
                {"cadence": "weekly", "send_day": 3, "send_time": "07:15", "recipients": ["revops@acme.com"]}""")
                .expectJson(200);

        JsonNode read = app().get("/v1/report-schedules/" + id, key).expectJson(200);
        assertThat(read).isEqualTo(changed);
        assertThat(read.path("cadence").asText()).isEqualTo("weekly");
        assertThat(read.path("send_day").asInt()).isEqualTo(3);
        assertThat(read.path("send_time").asText()).isEqualTo("07:15");
        assertThat(read.path("time_zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(read.path("recipients").get(0).asText()).isEqualTo("revops@acme.com");
        Instant next = OffsetDateTime.parse(read.path("next_run_at").asText()).toInstant();
        SendSchedule weekly = new SendSchedule(Cadence.WEEKLY, ZoneId.of("Europe/Berlin"), 3, LocalTime.of(7, 15));
        assertThat(next).isEqualTo(weekly.nextRunAfter(Instant.now().minusSeconds(60)))
                .isBefore(Instant.now().plus(Duration.ofDays(8)));
        assertThat(app().instance(SchedulerClient.class).getScheduledExecution(ReportScheduleTask.TASK.instanceId(id)))
                .get().satisfies(e -> assertThat(e.getExecutionTime()).isEqualTo(next));
    }

    @Test
    void aBadPatchIs422NamingEachFieldAndChangesNothingAndAnotherTenantsScheduleIs404() {
        String id = createSchedule("cfo@acme.com");
        JsonNode before = app().get("/v1/report-schedules/" + id, key).expectJson(200);

        JsonNode problem = patch(id, key, """
                {"time_zone": "Mars/Olympus", "send_day": 32, "recipients": ["cfo@acme.com", "nope"], "colour": 1}""")
                .expectProblem(422);
        assertThat(fields(problem)).containsExactly("time_zone", "send_day", "recipients[1]", "colour");
        // send_day is checked against the cadence the schedule would have: 28 is no weekday
        assertThat(fields(patch(id, key, "{\"cadence\": \"weekly\"}").expectProblem(422))).containsExactly("send_day");
        assertThat(fields(patch(id, key, "[1]").expectProblem(422))).containsExactly("body");
        patch(id, key, "{nope").expectProblem(400);
        assertThat(app().get("/v1/report-schedules/" + id, key).expectJson(200)).isEqualTo(before);

        patch(id, otherKey, "{\"send_day\": 2}").expectProblem(404);
        patch("no-such-schedule", key, "{\"send_day\": 2}").expectProblem(404);
        assertThat(app().get("/v1/report-schedules/" + id, key).expectJson(200)).isEqualTo(before);
    }

    @Test
    void sendNowStoresTheSummaryOfTheGivenPeriodAndEmailsItExactlyOnce() throws Exception {
        String id = createSchedule("now@acme.com");
        Instant plannedBefore = app().instance(SchedulerClient.class)
                .getScheduledExecution(ReportScheduleTask.TASK.instanceId(id)).orElseThrow().getExecutionTime();

        JsonNode report = send(id, key, "{\"from\": \"2025-04-01\", \"to\": \"2025-07-01\"}").expectJson(202);
        assertThat(report.path("from").asText()).isEqualTo("2025-04-01");
        assertThat(report.path("to").asText()).isEqualTo("2025-07-01");
        assertThat(report.path("schedule_id").isNull()).isTrue();
        assertThat(report.path("delivery").path("recipients").get(0).asText()).isEqualTo("now@acme.com");
        assertThat(app().get("/v1/reports", key).expectJson(200)).extracting(r -> r.path("id").asText())
                .contains(report.path("id").asText());
        assertThat(app().get("/v1/reports/" + report.path("id").asText() + ".pdf", key).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("now@acme.com") >= 1);
        Thread.sleep(3_000); // three outbox polls: a second send would show by now
        assertThat(mailsTo("now@acme.com")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> app().get("/v1/reports", key).expectJson(200).findValues("id")
                .stream().anyMatch(v -> v.asText().equals(report.path("id").asText())) && status(report).equals("sent"));
        assertThat(app().instance(SchedulerClient.class).getScheduledExecution(ReportScheduleTask.TASK.instanceId(id))
                .orElseThrow().getExecutionTime()).as("the scheduled sends stay as planned").isEqualTo(plannedBefore);

        // the same period again is a second, deliberate send
        send(id, key, "{\"from\": \"2025-04-01\", \"to\": \"2025-07-01\"}").expectJson(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("now@acme.com") >= 2);
    }

    private String status(JsonNode report) {
        for (JsonNode r : app().get("/v1/reports", key).expectJson(200)) {
            if (r.path("id").asText().equals(report.path("id").asText())) {
                return r.path("delivery").path("status").asText();
            }
        }
        return "missing";
    }

    private long mailsTo(String address) throws Exception {
        long n = 0;
        for (MimeMessage mail : smtp().getReceivedMessages()) {
            if (List.of(mail.getAllRecipients()).stream().anyMatch(a -> a.toString().contains(address))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void sendNowWithoutABodyReportsTheLastCompletePeriodOnTheRecipientsCalendar() {
        String id = createSchedule("default@acme.com");
        Window expected = new SendSchedule(Cadence.MONTHLY, ZoneId.of("Europe/Berlin"), 28, LocalTime.of(9, 30))
                .periodReportedAt(Instant.now());

        JsonNode report = send(id, key, "").expectJson(202);

        assertThat(report.path("from").asText()).isEqualTo(expected.from().toString());
        assertThat(report.path("to").asText()).isEqualTo(expected.to().toString());
        assertThat(report.path("cadence").asText()).isEqualTo("monthly");
    }

    @Test
    void aBadPeriodIs422NamingTheFieldAndAnotherTenantsScheduleIs404() {
        String id = createSchedule("bad@acme.com");
        int reportsBefore = app().get("/v1/reports", key).expectJson(200).size();

        assertThat(fields(send(id, key, "{\"from\": \"2025-04-01\"}").expectProblem(422))).containsExactly("to");
        assertThat(fields(send(id, key, "{\"from\": \"April\", \"to\": \"2025-13-01\"}").expectProblem(422)))
                .containsExactly("from", "to");
        assertThat(fields(send(id, key, "{\"from\": \"2025-07-01\", \"to\": \"2025-04-01\"}").expectProblem(422)))
                .containsExactly("to");
        assertThat(send(id, key, "{\"from\": \"2023-01-01\", \"to\": \"2025-01-01\"}").expectProblem(422)
                .path("detail").asText()).contains("366 days");
        assertThat(fields(send(id, key, "{\"from\": \"2099-01-01\", \"to\": \"2099-02-01\"}").expectProblem(422)))
                .containsExactly("to");
        assertThat(fields(send(id, key, "{\"period\": \"q2\"}").expectProblem(422))).containsExactly("period");
        send(id, otherKey, "").expectProblem(404);
        send("no-such-schedule", key, "").expectProblem(404);
        assertThat(app().get("/v1/reports", key).expectJson(200).size()).isEqualTo(reportsBefore);
    }
}
