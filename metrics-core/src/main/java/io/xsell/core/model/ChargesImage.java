package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dataset's one-time charges as plain arrays, row {@code k} being the {@code k}-th charge;
 * {@code customer[k]} is the position of its customer among the dataset's customers.
 */
public record ChargesImage(StringsImage ids, int[] customer, DictionaryImage<String> product,
                           DictionaryImage<LocalDate> date, DictionaryImage<BigDecimal> amount,
                           DictionaryImage<String> currency, DictionaryImage<String> description) {
    /**
     * The image of {@code charges}, {@code customerIndex} giving each customer id's position among the
     * dataset's customers; for a reader that checked the charges as {@link TenantDataset#of} would.
     *
     * @throws IllegalArgumentException naming a customer id that {@code customerIndex} does not hold
     */
    public static ChargesImage of(java.util.List<OneTimeCharge> charges, java.util.Map<String, Integer> customerIndex) {
        return ChargeColumns.image(charges, customerIndex);
    }

    /** The number of charges. */
    public int size() {
        return ids.size();
    }
}
