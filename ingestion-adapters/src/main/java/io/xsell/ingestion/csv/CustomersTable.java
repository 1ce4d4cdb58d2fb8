package io.xsell.ingestion.csv;

import io.xsell.core.model.Bounds;
import io.xsell.core.model.Customer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** customers.csv: {@code customer_id}, {@code name}, {@code created_at}; every other column is an attribute. */
final class CustomersTable implements TableReader {
    private static final Set<String> STANDARD_COLUMNS = Set.of("customer_id", "name", "created_at");
    // Attribute values (segment, country, ...) take few distinct values; sharing them saves a string per
    // customer and attribute. The bound keeps id-like attributes from filling the pool.
    private static final int VALUE_POOL_LIMIT = 10_000;
    // Whole sets repeat too (a million customers of the benchmark carry 1,490 distinct ones): one map
    // per set instead of one per customer saves about 110 MB a million customers, as the database
    // reader does. Bounded like the values, for sets made unique by an id-like attribute.
    private static final int ATTRIBUTE_SET_POOL_LIMIT = 100_000;

    private final RowCheck check;
    private final List<Customer> customers = new ArrayList<>();
    private final IdLineIndex ids = new IdLineIndex();
    private final List<Map.Entry<String, String>> entries = new ArrayList<>();
    private final Map<Map<String, String>, Map<String, String>> attributeSets = new HashMap<>();
    private Col id;
    private Col name;
    private Col createdAt;
    private List<Col> attributes;
    private List<Map<String, String>> valuePools;
    private boolean read;

    CustomersTable(ErrorCollector errors, CellParser cells) {
        this.check = new RowCheck(ImportFile.CUSTOMERS, errors, cells);
    }

    @Override
    public boolean begin(Header header) {
        id = header.required("customer_id");
        name = header.optional("name");
        createdAt = header.optional("created_at");
        attributes = header.othersThan(STANDARD_COLUMNS);
        valuePools = new ArrayList<>(attributes.size());
        for (int i = 0; i < attributes.size(); i++) {
            valuePools.add(new HashMap<>());
        }
        read = header.complete();
        return read;
    }

    @Override
    public void stopped() {
        read = false;
    }

    @Override
    public void row(Row row) {
        check.start(row);
        String customerId = check.required(id);
        if (customerId != null) {
            int first = ids.putIfAbsent(customerId, row.line());
            if (first != 0) {
                check.fail(id, "duplicate customer_id " + Bounds.quote(customerId) + " (first on line " + first + ")");
            }
        }
        String customerName = check.text(name);
        LocalDate created = check.date(createdAt, false);
        Map<String, String> values = attributeValues(row);
        if (check.passed()) {
            try {
                customers.add(new Customer(customerId, customerName, created, values));
            } catch (IllegalArgumentException e) {
                check.rejectedByModel(e);
            }
        }
    }

    private Map<String, String> attributeValues(Row row) {
        entries.clear();
        for (int i = 0; i < attributes.size(); i++) {
            Col col = attributes.get(i);
            String value = row.cell(col);
            if (value != null) {
                entries.add(Map.entry(col.name(), shared(valuePools.get(i), value)));
            }
        }
        if (entries.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = immutableMap(entries);
        Map<String, String> known = attributeSets.get(values);
        if (known != null) {
            return known;
        }
        if (attributeSets.size() < ATTRIBUTE_SET_POOL_LIMIT) {
            attributeSets.put(values, values);
        }
        return values;
    }

    // An immutable map is what Customer keeps anyway; building it directly spares Map.copyOf a copy.
    // Map.ofEntries takes an array, and an array of a generic type can only be created raw.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> immutableMap(List<Map.Entry<String, String>> entries) {
        return Map.ofEntries(entries.toArray(new Map.Entry[0]));
    }

    private static String shared(Map<String, String> pool, String value) {
        String known = pool.get(value);
        if (known != null) {
            return known;
        }
        if (pool.size() < VALUE_POOL_LIMIT) {
            pool.put(value, value);
        }
        return value;
    }

    /**
     * True when the file was present with a usable header and read to its end, so references to it can
     * be checked.
     */
    boolean read() {
        return read;
    }

    IdLineIndex ids() {
        return ids;
    }

    List<Customer> customers() {
        return customers;
    }
}
