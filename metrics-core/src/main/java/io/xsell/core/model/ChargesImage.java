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
    /** The number of charges. */
    public int size() {
        return ids.size();
    }
}
