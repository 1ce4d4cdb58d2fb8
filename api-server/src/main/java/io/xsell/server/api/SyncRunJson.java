package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.server.port.in.SyncRunView;
import java.util.List;
import java.util.Map;

/**
 * One sync run: its state, progress (objects done and, once an earlier backfill tells, the
 * estimated total), counts by Stripe object type, and errors.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncRunJson(String id, String kind, String state, String startedAt, String finishedAt, Progress progress,
                          Map<String, Long> counts, List<String> errors) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Progress(long done, Long estimated) {
    }

    public static SyncRunJson of(SyncRunView run) {
        return new SyncRunJson(run.id(), run.kind(), run.state(), run.startedAt().toString(),
                run.finishedAt() == null ? null : run.finishedAt().toString(),
                new Progress(run.objectsDone(), run.objectsEstimated()), run.counts(), run.errors());
    }
}
