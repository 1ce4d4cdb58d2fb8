package io.xsell.server.port.in;

import io.xsell.server.reporting.ReportSchedule;
import java.util.Optional;

/**
 * The List-Unsubscribe link of a summary email: its token (one per schedule) is the only authority,
 * so it finds the schedule whatever the tenant, and removing it stops the emails for every recipient.
 */
public interface UnsubscribeUseCase {
    /** Empty for an unknown, over-long or already used token. */
    Optional<ReportSchedule> scheduleOfToken(String token);

    /** False when the token names no schedule (any more). */
    boolean unsubscribe(String token);
}
