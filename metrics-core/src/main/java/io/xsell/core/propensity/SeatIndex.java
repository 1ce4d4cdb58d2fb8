package io.xsell.core.propensity;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the ledger does not keep of a customer's items, read from the dataset once: seats (the
 * summed quantity of core-line items earning on a day) and whether items are billed a year or
 * more at a time. Items are held customer by customer in flat arrays, a million customers
 * costing a few dozen megabytes.
 */
final class SeatIndex {
    private final int[] offsets;
    private final int[] from;
    private final int[] end;
    private final double[] quantity;
    private final boolean[] core;
    private final boolean[] yearly;

    private SeatIndex(int[] offsets, int[] from, int[] end, double[] quantity, boolean[] core, boolean[] yearly) {
        this.offsets = offsets;
        this.from = from;
        this.end = end;
        this.quantity = quantity;
        this.core = core;
        this.yearly = yearly;
    }

    /** {@code customers} in the ledger's order (the dataset's). */
    static SeatIndex of(TenantDataset dataset) {
        List<io.xsell.core.model.Customer> customers = dataset.customers();
        Map<String, Integer> index = new HashMap<>(customers.size() * 2);
        for (int i = 0; i < customers.size(); i++) {
            index.put(customers.get(i).id(), i);
        }
        Map<String, Boolean> core = new HashMap<>();
        for (Product p : dataset.products()) {
            core.put(p.id(), p.kind() == LineKind.CORE);
        }
        List<RecurringItem> items = dataset.items();
        int[] owner = new int[items.size()];
        int[] offsets = new int[customers.size() + 1];
        for (int i = 0; i < items.size(); i++) {
            RecurringItem item = items.get(i);
            owner[i] = index.get(item.customerId());
            offsets[owner[i] + 1]++;
        }
        for (int c = 0; c < customers.size(); c++) {
            offsets[c + 1] += offsets[c];
        }
        int total = offsets[customers.size()];
        int[] from = new int[total];
        int[] end = new int[total];
        double[] quantity = new double[total];
        boolean[] coreItem = new boolean[total];
        boolean[] yearly = new boolean[total];
        int[] next = offsets.clone();
        for (int i = 0; i < items.size(); i++) {
            RecurringItem item = items.get(i);
            int slot = next[owner[i]]++;
            from[slot] = Math.toIntExact(item.activeFrom().toEpochDay());
            end[slot] = item.endDate() == null ? Integer.MAX_VALUE : Math.toIntExact(item.endDate().toEpochDay());
            quantity[slot] = item.quantity().doubleValue();
            coreItem[slot] = core.getOrDefault(item.productId(), false);
            yearly[slot] = item.interval() == BillingInterval.YEAR
                    || (item.interval() == BillingInterval.MONTH && item.intervalCount() >= 12);
        }
        return new SeatIndex(offsets, from, end, quantity, coreItem, yearly);
    }

    double seatsOn(int customer, int day) {
        double seats = 0;
        for (int i = offsets[customer]; i < offsets[customer + 1]; i++) {
            if (core[i] && from[i] <= day && day < end[i]) {
                seats += quantity[i];
            }
        }
        return seats;
    }

    /** Share of the customer's items earning on {@code day} that are billed yearly (0 when none earns). */
    double yearlyShareOn(int customer, int day) {
        int earning = 0;
        int annual = 0;
        for (int i = offsets[customer]; i < offsets[customer + 1]; i++) {
            if (from[i] <= day && day < end[i]) {
                earning++;
                if (yearly[i]) {
                    annual++;
                }
            }
        }
        return earning == 0 ? 0 : (double) annual / earning;
    }
}
