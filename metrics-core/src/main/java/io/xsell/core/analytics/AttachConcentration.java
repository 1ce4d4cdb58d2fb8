package io.xsell.core.analytics;

import io.xsell.core.metrics.Window;
import io.xsell.core.movement.Movement;
import io.xsell.core.movement.MovementType;
import io.xsell.core.mrr.Decimals;
import io.xsell.core.mrr.MrrLedger;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * How concentrated cross-selling is: the share of the window's cross-sell attaches (cross_sell
 * movements, one per customer, line and day) made by the top 10 % of attaching customers.
 *
 * @param attachingCustomers  customers with at least one attach in the window
 * @param attaches            all attaches in the window
 * @param topCustomers        {@code ceil(0.10 × attachingCustomers)}
 * @param topAttaches         attaches made by those customers
 * @param topShareOfAttachesPct {@code topAttaches / attaches × 100}; null when there is no attach
 */
public record AttachConcentration(Window window, int attachingCustomers, long attaches, int topCustomers,
                                  long topAttaches, BigDecimal topShareOfAttachesPct) {

    public static AttachConcentration of(MrrLedger ledger, Window window) {
        int[] perCustomer = new int[ledger.customerCount()];
        // each task writes only its own slot, so the parallel fill needs no synchronisation
        IntStream.range(0, perCustomer.length).parallel().forEach(c -> {
            int n = 0;
            for (Movement m : ledger.timeline(c).movements()) {
                if (m.type() == MovementType.CROSS_SELL && window.contains(m.day())) {
                    n++;
                }
            }
            perCustomer[c] = n;
        });
        int[] positive = Arrays.stream(perCustomer).filter(n -> n > 0).toArray();
        long attaches = 0;
        for (int n : positive) {
            attaches += n;
        }
        int attaching = positive.length;
        int top = (attaching + 9) / 10; // ceil(0.10 × attaching) in integers
        // Ties at the cut are broken by customer order, but tied customers have equal counts, so
        // which of them is taken never changes the sum: sorting the counts alone is enough.
        Arrays.sort(positive);
        long topAttaches = 0;
        for (int i = positive.length - top; i < positive.length; i++) {
            topAttaches += positive[i];
        }
        return new AttachConcentration(window, attaching, attaches, top, topAttaches,
                Decimals.percent(topAttaches, attaches));
    }
}
