package io.xsell.server.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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
