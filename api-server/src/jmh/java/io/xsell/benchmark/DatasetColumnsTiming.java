package io.xsell.benchmark;

import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What keeping a dataset's items as columns costs in time: {@code TenantDataset.of} on
 * {@link BenchData}'s rows (the checks and the column build) and one pass over {@code items()},
 * which reads every item back from the columns. {@code DatasetColumnsTiming CUSTOMERS [ROUNDS]}
 * prints every round and the medians; run it on the code before and after a change, same machine.
 */
public final class DatasetColumnsTiming {

    private DatasetColumnsTiming() {
    }

    public static void main(String[] args) {
        TenantDataset generated = BenchData.generate(Integer.parseInt(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<RecurringItem> items = new ArrayList<>(generated.items());
        List<OneTimeCharge> charges = new ArrayList<>(generated.charges());
        long[] build = new long[rounds];
        long[] pass = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long started = System.nanoTime();
            TenantDataset dataset = TenantDataset.of(generated.reportingCurrency(), generated.customers(),
                    generated.products(), items, charges, generated.rates());
            long built = System.nanoTime();
            long characters = 0;
            for (RecurringItem item : dataset.items()) {
                characters += item.id().length() + item.customerId().length();
            }
            long passed = System.nanoTime();
            build[r] = (built - started) / 1_000_000;
            pass[r] = (passed - built) / 1_000_000;
            System.out.printf("round %d: of %,d ms, a pass over items() %,d ms (%d characters read)%n", r + 1,
                    build[r], pass[r], characters);
        }
        System.out.println(BenchData.shape(generated));
        System.out.printf("median: of %,d ms, a pass over items() %,d ms%n", median(build), median(pass));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
