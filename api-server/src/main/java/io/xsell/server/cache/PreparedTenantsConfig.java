package io.xsell.server.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The memory budget of prepared tenants kept between queries (docs/performance.md, "Tenants in memory"). */
public class PreparedTenantsConfig {
    /** Share of the maximum heap (-Xmx) that kept tenants may hold, in percent; used unless maxSize is set. */
    @Min(1)
    @Max(90)
    @JsonProperty
    private int heapPercent = 40;

    /** A fixed budget instead of a share of the heap. */
    @JsonProperty
    private DataSize maxSize;

    /**
     * Tenants loaded and priced at the same time when they are not kept: each one briefly needs
     * its whole dataset and ledger on the heap, so N cold tenants at once need N times that.
     */
    @Min(1)
    @Max(64)
    @JsonProperty
    private int concurrentColdPreparations = 1;

    /**
     * Save each prepared tenant (per data version) in the database, so that after a restart it is
     * answered without reading its rows and pricing them again.
     */
    @JsonProperty
    private boolean snapshots = true;

    /**
     * When the server starts, restore from their snapshots (in the background) the tenants whose
     * snapshots were written last, as many as the budget holds, instead of waiting for each one's
     * first query.
     */
    @JsonProperty
    private boolean restoreAtStart = true;

    /** How long after a tenant was priced its snapshot is written (imports in a row write once). */
    @NotNull
    @JsonProperty
    private Duration snapshotDelay = Duration.seconds(2);

    public boolean isSnapshots() {
        return snapshots;
    }

    public boolean isRestoreAtStart() {
        return restoreAtStart;
    }

    public Duration getSnapshotDelay() {
        return snapshotDelay;
    }

    public int getHeapPercent() {
        return heapPercent;
    }

    public DataSize getMaxSize() {
        return maxSize;
    }

    public int getConcurrentColdPreparations() {
        return concurrentColdPreparations;
    }

    /** The budget in bytes for a heap that may grow to {@code maxHeapBytes}. */
    public long budgetBytes(long maxHeapBytes) {
        return maxSize != null ? maxSize.toBytes() : maxHeapBytes / 100 * heapPercent;
    }
}
