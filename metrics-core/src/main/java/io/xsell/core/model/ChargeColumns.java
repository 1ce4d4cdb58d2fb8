package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A dataset's one-time charges kept as columns, read back as {@link OneTimeCharge}s on demand,
 * for the reasons and with the guarantees of {@link ItemColumns}: each field reads back equal
 * (amounts with their scale), the customer id as the customer's own instance.
 */
final class ChargeColumns extends AbstractList<OneTimeCharge> implements RandomAccess {
    private final List<Customer> customers;
    private final PackedStrings ids;
    private final NarrowInts customer;
    private final DictionaryColumn<String> product;
    private final DictionaryColumn<LocalDate> date;
    private final DictionaryColumn<BigDecimal> amount;
    private final DictionaryColumn<String> currency;
    private final DictionaryColumn<String> description;

    private ChargeColumns(List<Customer> customers, PackedStrings ids, NarrowInts customer,
                          DictionaryColumn<String> product, DictionaryColumn<LocalDate> date,
                          DictionaryColumn<BigDecimal> amount, DictionaryColumn<String> currency,
                          DictionaryColumn<String> description) {
        this.customers = customers;
        this.ids = ids;
        this.customer = customer;
        this.product = product;
        this.date = date;
        this.amount = amount;
        this.currency = currency;
        this.description = description;
    }

    /** The columns of {@code charges}, whose customers are all in {@code customerIndex}. */
    static ChargeColumns of(List<OneTimeCharge> charges, List<Customer> customers,
                            Map<String, Integer> customerIndex, Map<Object, Object> canonical) {
        int rows = charges.size();
        List<String> ids = new ArrayList<>(rows);
        int[] customer = new int[rows];
        DictionaryColumn.Builder<String> product = new DictionaryColumn.Builder<>(rows, canonical);
        DictionaryColumn.Builder<LocalDate> date = new DictionaryColumn.Builder<>(rows, canonical);
        DictionaryColumn.Builder<BigDecimal> amount = new DictionaryColumn.Builder<>(rows, canonical);
        DictionaryColumn.Builder<String> currency = new DictionaryColumn.Builder<>(rows, canonical);
        DictionaryColumn.Builder<String> description = new DictionaryColumn.Builder<>(rows, canonical);
        for (int row = 0; row < rows; row++) {
            OneTimeCharge charge = charges.get(row);
            ids.add(charge.id());
            customer[row] = customerIndex.get(charge.customerId());
            product.add(charge.productId());
            date.add(charge.date());
            amount.add(charge.amount());
            currency.add(charge.currency());
            description.add(charge.description());
        }
        return new ChargeColumns(customers, PackedStrings.of(ids), NarrowInts.of(customer, rows), product.build(),
                date.build(), amount.build(), currency.build(), description.build());
    }

    /** The index among the dataset's customers of the customer of charge {@code row}. */
    int customerOf(int row) {
        return customer.get(row);
    }

    @Override
    public OneTimeCharge get(int row) {
        return new OneTimeCharge(ids.get(row), customers.get(customerOf(row)).id(), product.get(row), date.get(row),
                amount.get(row), currency.get(row), description.get(row));
    }

    @Override
    public int size() {
        return ids.size();
    }

    /** Adds the columns to {@code f}; the customers they index are the dataset's to count. */
    void addTo(HeapFootprint f) {
        f.add(HeapFootprint.object(8 * HeapFootprint.REF) + ids.retainedBytes() + customer.retainedBytes());
        for (DictionaryColumn<?> column : List.of(product, date, amount, currency, description)) {
            column.addTo(f);
        }
    }
}
