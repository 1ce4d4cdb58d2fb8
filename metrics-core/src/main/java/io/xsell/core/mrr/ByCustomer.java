package io.xsell.core.mrr;

import java.util.Arrays;

/**
 * Rows given in any customer order (pricing follows the dataset's), laid out customer after
 * customer by a counting sort: stable, so a customer's rows keep the order they came in.
 */
final class ByCustomer {
    private ByCustomer() {
    }

    /** Where each customer's rows start, and after the last customer's the row count. */
    static int[] offsets(int[] customers, int count, int customerCount) {
        int[] first = new int[customerCount + 1];
        for (int i = 0; i < count; i++) {
            first[customers[i] + 1]++;
        }
        for (int c = 0; c < customerCount; c++) {
            first[c + 1] += first[c];
        }
        return first;
    }

    /** Row numbers grouped by customer, in their given order within a customer. */
    static int[] order(int[] customers, int count, int[] offsets) {
        int[] order = new int[count];
        int[] next = Arrays.copyOf(offsets, offsets.length - 1);
        for (int i = 0; i < count; i++) {
            order[next[customers[i]]++] = i;
        }
        return order;
    }
}
