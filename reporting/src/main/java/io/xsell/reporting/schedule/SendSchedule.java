package io.xsell.reporting.schedule;

import io.xsell.core.metrics.Window;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * When a summary goes out, read on the recipients' wall clock: the send day of each period
 * (weekly: ISO day of week, 1 = Monday; monthly: day of month; quarterly: day of the quarter's
 * first month) at the send time in the time zone.
 *
 * <p>A send day past the month's end is that month's last day (31 sends on 30 April, on 28 or
 * 29 February). A send time that does not exist on a day because clocks spring forward is
 * moved forward by the length of the gap (02:30 becomes 03:30); a time that occurs twice because
 * clocks fall back is sent at its first occurrence only. These are {@link ZonedDateTime#of}'s
 * rules, applied to a local date and time, so each local send day yields exactly one instant.
 */
public record SendSchedule(Cadence cadence, ZoneId zone, int sendDay, LocalTime sendTime) {

    public SendSchedule {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(sendTime, "sendTime");
        int max = maxSendDay(cadence);
        if (sendDay < 1 || sendDay > max) {
            throw new IllegalArgumentException("send_day must be between 1 and " + max + " for a " + cadence.code()
                    + " schedule, was " + sendDay);
        }
    }

    /** Largest send day of a cadence: 7 for weekly (Sunday), 31 otherwise. */
    public static int maxSendDay(Cadence cadence) {
        return cadence == Cadence.WEEKLY ? 7 : 31;
    }

    /** The first send instant strictly after {@code after}. */
    public Instant nextRunAfter(Instant after) {
        LocalDate today = after.atZone(zone).toLocalDate();
        // The send day of the period holding today, else of the next period: one of the two is after.
        LocalDate period = cadence.periodStart(today);
        for (int i = 0; i < 3; i++) {
            Instant candidate = sendInstant(period);
            if (candidate.isAfter(after)) {
                return candidate;
            }
            period = cadence.periodOf(period).to();
        }
        throw new IllegalStateException("no send instant after " + after);
    }

    /** The send instant of the period starting on {@code periodStart}. */
    Instant sendInstant(LocalDate periodStart) {
        LocalDate day = switch (cadence) {
            case WEEKLY -> periodStart.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(sendDay)));
            case MONTHLY, QUARTERLY -> periodStart.withDayOfMonth(Math.min(sendDay, periodStart.lengthOfMonth()));
        };
        return ZonedDateTime.of(LocalDateTime.of(day, sendTime), zone).toInstant();
    }

    /** The period a run at {@code run} reports on: the last whole period before the run's local day. */
    public Window periodReportedAt(Instant run) {
        return cadence.lastCompletePeriod(run.atZone(zone).toLocalDate());
    }
}
