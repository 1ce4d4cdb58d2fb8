package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dataset's recurring items as plain arrays, row {@code k} being the {@code k}-th item (see
 * {@link DatasetImage}). Customers and subscriptions come in runs (a customer's items follow each
 * other): a bit per row, set where a run starts ({@code bit k} is {@code (runStarts[k >>> 6] >>> k) & 1};
 * row 0 always starts one), and one value per run: the customer's position among the dataset's
 * customers, the subscription id ({@code subscriptionOfRun}), or none where {@code runsWithoutSubscription}
 * has the run's bit. {@code interval} holds {@link BillingInterval} ordinals.
 */
public record ItemsImage(StringsImage ids, long[] customerRunStarts, int[] customerOfRun,
                         long[] subscriptionRunStarts, StringsImage subscriptionOfRun, long[] runsWithoutSubscription,
                         DictionaryImage<String> product, DictionaryImage<LocalDate> start,
                         DictionaryImage<LocalDate> end, DictionaryImage<BigDecimal> unitAmount,
                         DictionaryImage<BigDecimal> quantity, DictionaryImage<String> currency, int[] interval,
                         int[] intervalCount, DictionaryImage<BigDecimal> discountPercent,
                         DictionaryImage<BigDecimal> discountAmount, DictionaryImage<LocalDate> trialEnd,
                         DictionaryImage<String> bundle) {
    /** The number of items. */
    public int size() {
        return ids.size();
    }
}
