package io.xsell.reporting.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.metrics.Window;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static SendSchedule schedule(Cadence cadence, ZoneId zone, int day, String time) {
        return new SendSchedule(cadence, zone, day, LocalTime.parse(time));
    }

    private static List<Instant> runs(SendSchedule schedule, String after, int count) {
        List<Instant> runs = new ArrayList<>();
        Instant at = Instant.parse(after);
        for (int i = 0; i < count; i++) {
            at = schedule.nextRunAfter(at);
            runs.add(at);
        }
        return runs;
    }

    @Test
    void monthlyOnTheFirstAtNineInBerlinFollowsTheLocalClockThroughBothDstChanges() {
        SendSchedule s = schedule(Cadence.MONTHLY, BERLIN, 1, "09:00");
        assertThat(runs(s, "2026-02-15T00:00:00Z", 9)).containsExactly(
                Instant.parse("2026-03-01T08:00:00Z"), // CET, UTC+1
                Instant.parse("2026-04-01T07:00:00Z"), // CEST, UTC+2 since 29 March
                Instant.parse("2026-05-01T07:00:00Z"),
                Instant.parse("2026-06-01T07:00:00Z"),
                Instant.parse("2026-07-01T07:00:00Z"),
                Instant.parse("2026-08-01T07:00:00Z"),
                Instant.parse("2026-09-01T07:00:00Z"),
                Instant.parse("2026-10-01T07:00:00Z"),
                Instant.parse("2026-11-01T08:00:00Z")); // CET again since 25 October
    }

    @Test
    void aSendTimeInsideTheSpringForwardGapMovesForwardByTheGap() {
        // 8 March 2026, New York: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist that day.
        SendSchedule s = schedule(Cadence.WEEKLY, NEW_YORK, 7, "02:30");
        assertThat(runs(s, "2026-03-02T00:00:00Z", 3)).containsExactly(
                Instant.parse("2026-03-08T07:30:00Z"), // 03:30 EDT
                Instant.parse("2026-03-15T06:30:00Z"), // 02:30 EDT
                Instant.parse("2026-03-22T06:30:00Z"));
    }

    @Test
    void aSendTimeThatOccursTwiceWhenClocksFallBackRunsOnceAtItsFirstOccurrence() {
        // 1 November 2026, New York: 02:00 EDT falls back to 01:00 EST, so 01:30 happens twice.
        SendSchedule s = schedule(Cadence.WEEKLY, NEW_YORK, 7, "01:30");
        Instant first = Instant.parse("2026-11-01T05:30:00Z"); // 01:30 EDT
        assertThat(s.nextRunAfter(Instant.parse("2026-10-31T12:00:00Z"))).isEqualTo(first);
        // right after the first 01:30, the next run is a week later, not the second 01:30 (06:30Z)
        assertThat(s.nextRunAfter(first)).isEqualTo(Instant.parse("2026-11-08T06:30:00Z"));
        assertThat(s.nextRunAfter(first.plusSeconds(1800))).isEqualTo(Instant.parse("2026-11-08T06:30:00Z"));
    }

    @Test
    void aSendDayPastTheMonthsEndIsItsLastDayIncludingThe29thOfFebruaryInLeapYears() {
        SendSchedule s = schedule(Cadence.MONTHLY, ZoneId.of("UTC"), 31, "06:00");
        assertThat(runs(s, "2027-12-31T07:00:00Z", 5)).containsExactly(
                Instant.parse("2028-01-31T06:00:00Z"),
                Instant.parse("2028-02-29T06:00:00Z"),
                Instant.parse("2028-03-31T06:00:00Z"),
                Instant.parse("2028-04-30T06:00:00Z"),
                Instant.parse("2028-05-31T06:00:00Z"));
        SendSchedule day29 = schedule(Cadence.MONTHLY, ZoneId.of("UTC"), 29, "06:00");
        assertThat(runs(day29, "2027-01-30T00:00:00Z", 2)).containsExactly(
                Instant.parse("2027-02-28T06:00:00Z"), Instant.parse("2027-03-29T06:00:00Z"));
        assertThat(runs(day29, "2028-01-30T00:00:00Z", 2)).containsExactly(
                Instant.parse("2028-02-29T06:00:00Z"), Instant.parse("2028-03-29T06:00:00Z"));
    }

    @Test
    void quarterlyRunsInTheFirstMonthOfEachQuarterAndReportsTheQuarterBefore() {
        SendSchedule s = schedule(Cadence.QUARTERLY, ZoneId.of("Asia/Tokyo"), 2, "08:00");
        List<Instant> runs = runs(s, "2026-01-05T00:00:00Z", 4);
        assertThat(runs).containsExactly(
                Instant.parse("2026-04-01T23:00:00Z"), // 2 April 08:00 JST
                Instant.parse("2026-07-01T23:00:00Z"),
                Instant.parse("2026-10-01T23:00:00Z"),
                Instant.parse("2027-01-01T23:00:00Z"));
        assertThat(s.periodReportedAt(runs.get(0))).isEqualTo(Window.of("2026-01-01", "2026-04-01"));
        assertThat(s.periodReportedAt(runs.get(3))).isEqualTo(Window.of("2026-10-01", "2027-01-01"));
    }

    @Test
    void thePeriodIsReadOnTheRecipientsCalendarNotUtc() {
        // 1 March 00:30 in Berlin is still 28 February in UTC: the summary is February's.
        SendSchedule s = schedule(Cadence.MONTHLY, BERLIN, 1, "00:30");
        Instant run = s.nextRunAfter(Instant.parse("2026-02-20T00:00:00Z"));
        assertThat(run).isEqualTo(Instant.parse("2026-02-28T23:30:00Z"));
        assertThat(s.periodReportedAt(run)).isEqualTo(Window.of("2026-02-01", "2026-03-01"));
        // and in a leap year February has 29 days
        Instant leap = s.nextRunAfter(Instant.parse("2028-02-20T00:00:00Z"));
        assertThat(s.periodReportedAt(leap)).isEqualTo(Window.of("2028-02-01", "2028-03-01"));
        assertThat(s.periodReportedAt(leap).days()).isEqualTo(29);
    }

    @Test
    void weeklyReportsTheIsoWeekBeforeTheSendDay() {
        SendSchedule s = schedule(Cadence.WEEKLY, ZoneId.of("UTC"), 3, "07:00"); // Wednesdays
        Instant run = s.nextRunAfter(Instant.parse("2026-11-22T10:00:00Z")); // a Sunday
        assertThat(run).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
        assertThat(s.periodReportedAt(run)).isEqualTo(Window.of("2026-11-16", "2026-11-23"));
        assertThat(Cadence.WEEKLY.previousPeriod(s.periodReportedAt(run))).isEqualTo(Window.of("2026-11-09", "2026-11-16"));
    }

    @Test
    void theRunAtExactlyTheSendInstantIsNotRepeated() {
        SendSchedule s = schedule(Cadence.MONTHLY, ZoneId.of("UTC"), 1, "00:00");
        Instant run = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(s.nextRunAfter(run.minusNanos(1))).isEqualTo(run);
        assertThat(s.nextRunAfter(run)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void sendDaysOutsideTheCadenceAreRefusedNamingTheField() {
        assertThatThrownBy(() -> schedule(Cadence.WEEKLY, BERLIN, 8, "09:00"))
                .hasMessageContaining("send_day").hasMessageContaining("between 1 and 7");
        assertThatThrownBy(() -> schedule(Cadence.MONTHLY, BERLIN, 0, "09:00"))
                .hasMessageContaining("send_day").hasMessageContaining("between 1 and 31");
        assertThatThrownBy(() -> Cadence.parse("daily")).hasMessageContaining("weekly, monthly, quarterly");
    }
}
