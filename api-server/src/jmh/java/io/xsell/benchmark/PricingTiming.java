package io.xsell.benchmark;

import io.xsell.core.model.TenantDataset;
import io.xsell.core.mrr.MrrLedger;

/**
 * {@code MrrLedger.of} on {@link BenchData}'s dataset, called {@code ROUNDS} times in one JVM, each
 * call timed: the first calls show a cold JVM, the last ones warm code. {@code PricingTiming
 * CUSTOMERS [ROUNDS]}; run it on the code before and after a change, same machine.
 */
public final class PricingTiming {

    private PricingTiming() {
    }

    public static void main(String[] args) {
        TenantDataset dataset = BenchData.generate(Integer.parseInt(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int customers = 0;
        for (int r = 0; r < rounds; r++) {
            long started = System.nanoTime();
            MrrLedger ledger = MrrLedger.of(dataset);
            customers += ledger.customerCount();
            System.out.printf("round %d: priced in %,d ms%n", r + 1, (System.nanoTime() - started) / 1_000_000);
        }
        System.out.println(BenchData.shape(dataset) + "; " + customers + " customers priced in all");
    }
}
