package io.xsell.benchmark;

import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.ingestion.csv.CsvFolderTenantData;
import java.nio.file.Path;

/**
 * The heap a prepared tenant retains (its dataset and the ledger priced from it), measured after
 * full collections, next to what {@code TenantDataset.retainedBytes()} and
 * {@code MrrLedger.retainedBytes()} report for it (the figures a byte-bounded cache weighs tenants by).
 *
 * <p>{@code RetainedHeap CUSTOMERS} generates {@link BenchData}'s dataset; {@code RetainedHeap DIR USD}
 * reads a canonical CSV folder as the {@code report} command does. Run with a fixed heap, e.g.
 * {@code -Xms3g -Xmx3g}, so that a full GC measures live objects only.
 */
public final class RetainedHeap {

    private RetainedHeap() {
    }

    public static void main(String[] args) {
        long empty = Heap.usedAfterGc();
        long started = System.nanoTime();
        TenantDataset dataset = args[0].chars().allMatch(Character::isDigit)
                ? BenchData.generate(Integer.parseInt(args[0]))
                : new CsvFolderTenantData(Path.of(args[0]), args.length > 1 ? args[1] : null)
                        .loadTenantData(new TenantId("local"));
        long loaded = System.nanoTime();
        long withDataset = Heap.usedAfterGc();
        long pricing = System.nanoTime();
        MrrLedger ledger = MrrLedger.of(dataset);
        long priced = System.nanoTime();
        long withLedger = Heap.usedAfterGc();
        long estimating = System.nanoTime();
        long datasetEstimate = dataset.retainedBytes();
        long ledgerEstimate = ledger.retainedBytes();
        long estimated = System.nanoTime();
        System.out.println(BenchData.shape(dataset));
        System.out.printf("loaded in %,d ms, priced in %,d ms, retainedBytes() computed in %,d ms%n",
                (loaded - started) / 1_000_000, (priced - pricing) / 1_000_000, (estimated - estimating) / 1_000_000);
        System.out.printf("dataset: measured %s, retainedBytes() %s%n", Heap.mib(withDataset - empty),
                Heap.mib(datasetEstimate));
        System.out.printf("ledger:  measured %s, retainedBytes() %s%n", Heap.mib(withLedger - withDataset),
                Heap.mib(ledgerEstimate));
        System.out.printf("prepared tenant (dataset + ledger): measured %s, retainedBytes() %s%n",
                Heap.mib(withLedger - empty), Heap.mib(datasetEstimate + ledgerEstimate));
        if (ledger.customerCount() != dataset.customers().size()) {
            throw new IllegalStateException("unreachable: keeps both reachable until here");
        }
    }
}
