package io.xsell.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.xsell.core.dataimport.ImportCounts;
import io.xsell.core.dataimport.ImportRecord;

/**
 * A stored import as clients see it.
 *
 * @param status {@code imported}, or {@code unchanged} when identical files were sent again
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImportJson(String id, String source, String status, String createdAt, long dataVersion, Counts counts) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Counts(long customers, long products, long subscriptionItems, long oneTimeCharges, long fxRates) {
        static Counts of(ImportCounts c) {
            return new Counts(c.customers(), c.products(), c.subscriptionItems(), c.oneTimeCharges(), c.fxRates());
        }
    }

    public static ImportJson of(ImportRecord record, String status) {
        return new ImportJson(record.id(), record.source(), status, record.createdAt().toString(),
                record.dataVersion(), Counts.of(record.counts()));
    }
}
