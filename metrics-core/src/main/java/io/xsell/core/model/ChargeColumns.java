package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractList;
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
        ChargesImage image = image(charges, customerIndex);
        return new ChargeColumns(customers, PackedStrings.of(image.ids(), "charge ids"),
                NarrowInts.of(image.customer(), image.size()), DictionaryColumn.of(image.product(), canonical),
                DictionaryColumn.of(image.date(), canonical), DictionaryColumn.of(image.amount(), canonical),
                DictionaryColumn.of(image.currency(), canonical), DictionaryColumn.of(image.description(), canonical));
    }

    /**
     * The image of {@code charges}, whose customers are all in {@code customerIndex}.
     *
     * @throws IllegalArgumentException naming a customer id that {@code customerIndex} does not hold
     */
    static ChargesImage image(List<OneTimeCharge> charges, Map<String, Integer> customerIndex) {
        int rows = charges.size();
        StringsCollector ids = new StringsCollector();
        int[] customer = new int[rows];
        ItemsImageBuilder.Codes<String> product = new ItemsImageBuilder.Codes<>();
        ItemsImageBuilder.Codes<LocalDate> date = new ItemsImageBuilder.Codes<>();
        ItemsImageBuilder.Codes<BigDecimal> amount = new ItemsImageBuilder.Codes<>();
        ItemsImageBuilder.Codes<String> currency = new ItemsImageBuilder.Codes<>();
        ItemsImageBuilder.Codes<String> description = new ItemsImageBuilder.Codes<>();
        for (int row = 0; row < rows; row++) {
            OneTimeCharge charge = charges.get(row);
            ids.add(charge.id());
            Integer position = customerIndex.get(charge.customerId());
            if (position == null) {
                throw new IllegalArgumentException("charge customers: unknown customer_id '" + charge.customerId() + "'");
            }
            customer[row] = position;
            product.add(charge.productId());
            date.add(charge.date());
            amount.add(charge.amount());
            currency.add(charge.currency());
            description.add(charge.description());
        }
        return new ChargesImage(ids.image(), customer, product.image(), date.image(), amount.image(),
                currency.image(), description.image());
    }

    /**
     * The columns of {@code image}, checked as {@link ItemsImageCheck} checks items: lengths, codes,
     * customer positions, products and rates.
     *
     * @throws IllegalArgumentException naming the first column that does not fit
     */
    static ChargeColumns of(ChargesImage image, List<Customer> customers, Map<String, Product> products, FxRates fx,
                            Map<Object, Object> canonical) {
        if (image.ids() == null) {
            throw new IllegalArgumentException("charge ids are required");
        }
        int rows = image.size();
        PackedStrings ids = PackedStrings.of(image.ids(), "charge ids");
        ItemsImageCheck.positions("charge customers", image.customer(), rows, customers.size());
        image.product().check("charge product", rows, false);
        image.date().check("charge date", rows, true);
        image.amount().check("charge amount", rows, true);
        image.currency().check("charge currency", rows, true);
        image.description().check("charge description", rows, false);
        ItemsImageCheck.knownProducts("charge product", image.product().values(), products);
        ItemsImageCheck.rates("charges", image.currency(), image.date(), fx);
        for (java.math.BigDecimal amount : image.amount().values()) {
            Bounds.magnitude(amount, "charge amount");
        }
        return new ChargeColumns(customers, ids, NarrowInts.of(image.customer(), rows),
                DictionaryColumn.of(image.product(), canonical), DictionaryColumn.of(image.date(), canonical),
                DictionaryColumn.of(image.amount(), canonical), DictionaryColumn.of(ItemsImageCheck.currencies(image.currency()), canonical),
                DictionaryColumn.of(image.description(), canonical));
    }

    /** The columns as plain arrays (copies). */
    ChargesImage image() {
        return new ChargesImage(ids.image(), customer.toArray(), product.image(), date.image(), amount.image(),
                currency.image(), description.image());
    }

    DictionaryColumn<LocalDate> date() {
        return date;
    }

    DictionaryColumn<BigDecimal> amount() {
        return amount;
    }

    DictionaryColumn<String> currency() {
        return currency;
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
