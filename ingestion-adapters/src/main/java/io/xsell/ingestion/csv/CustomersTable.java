package io.xsell.ingestion.csv;

import io.xsell.core.model.Customer;
import io.xsell.core.model.IntSequence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** customers.csv: {@code customer_id}, {@code name}, {@code created_at}; every other column is an attribute. */
final class CustomersTable extends ParallelTable<CustomersTable.Prepared> {
    private static final Set<String> STANDARD_COLUMNS = Set.of("customer_id", "name", "created_at");
    // Attribute values (segment, country, ...) take few distinct values; sharing them saves a string per
    // customer and attribute. The bound keeps id-like attributes from filling the pool.
    private static final int VALUE_POOL_LIMIT = 10_000;
    // Whole sets repeat too (a million customers of the benchmark carry 1,490 distinct ones): one map
    // per set instead of one per customer saves about 110 MB a million customers, as the database
    // reader does. Bounded like the values, for sets made unique by an id-like attribute.
    private static final int ATTRIBUTE_SET_POOL_LIMIT = 100_000;

    private final List<Customer> customers = new ArrayList<>();
    private final IdLineIndex ids = new IdLineIndex();
    private final IntSequence customerLines = new IntSequence(); // the line of each customer kept, increasing
    private CustomerPositions positions;
    // Shared by the workers' preparers, so that a set seen on one worker is the set of the other's rows too.
    private final Map<Map<String, String>, Map<String, String>> attributeSets = new ConcurrentHashMap<>();
    private Col id;
    private Col name;
    private Col createdAt;
    private List<Col> attributes;
    private boolean read;

    CustomersTable(ErrorCollector errors) {
        super(ImportFile.CUSTOMERS, errors);
    }

    @Override
    public void expectRows(int rows) {
        ids.reserve(rows);
    }

    @Override
    public boolean begin(Header header) {
        id = header.required("customer_id");
        name = header.optional("name");
        createdAt = header.optional("created_at");
        attributes = header.othersThan(STANDARD_COLUMNS);
        read = header.complete();
        return read;
    }

    @Override
    public void stopped() {
        read = false;
    }

    @Override
    public ParallelRows.Preparer<Prepared> preparer() {
        return new Preparer();
    }

    @Override
    public int commitAll(Object[] prepared, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!(prepared[i] instanceof Prepared row)) {
                return i;
            }
            commit(row);
        }
        return to;
    }

    /** Keeps a row in file order: its id against the earlier ones, the errors its cells had, the customer. */
    @Override
    public void commit(Prepared row) {
        int line = row.line();
        boolean duplicate = duplicate(ids, row.id(), line, id);
        replay(row.errors());
        Customer customer = kept(duplicate, row.passed(), line, row.customer(), row.rejected());
        if (customer != null) {
            customers.add(customer);
            customerLines.add(line);
        }
    }

    /**
     * A row as checked on a worker, with the errors its cells had; {@code passed} when there were none.
     * The customer of a row that passed is built on the worker too, or {@code rejected} holds why the
     * model refused it, reported only if the row is kept (its id not a duplicate).
     */
    record Prepared(int line, String id, Customer customer, IllegalArgumentException rejected, RowErrors errors,
                    boolean passed) {
    }

    /** Checks rows on one thread: its own error buffer, value caches and attribute value pools. */
    private final class Preparer implements ParallelRows.Preparer<Prepared> {
        private final List<TextCache<String>> valuePools = new ArrayList<>(attributes.size());
        private final List<Map.Entry<String, String>> entries = new ArrayList<>();
        // this row's values, filled in place: the key looked up in knownSets, copied only when kept
        private final AttributeValues known = new AttributeValues(new String[attributes.size()]);
        private final Map<AttributeValues, Map<String, String>> knownSets = new HashMap<>();
        private final RowErrors rowErrors = new RowErrors();
        private final RowCheck check = new RowCheck(ImportFile.CUSTOMERS, rowErrors, new CellParser());

        Preparer() {
            for (int i = 0; i < attributes.size(); i++) {
                valuePools.add(new TextCache<>(VALUE_POOL_LIMIT));
            }
        }

        @Override
        public Prepared prepare(Row row) {
            check.start(row);
            String customerId = check.required(id);
            if (customerId != null) {
                customerId.hashCode(); // a String keeps its hash: the duplicate check in file order does not pay it
            }
            String customerName = check.text(name);
            LocalDate created = check.date(createdAt, false);
            Map<String, String> values = attributeValues();
            boolean passed = check.passed();
            Customer customer = null;
            IllegalArgumentException rejected = null;
            if (passed) {
                try {
                    customer = new Customer(customerId, customerName, created, values);
                } catch (IllegalArgumentException e) {
                    rejected = e;
                }
            }
            return new Prepared(row.line(), customerId, customer, rejected, rowErrors.take(), passed);
        }

        private Map<String, String> attributeValues() {
            String[] values = known.values;
            boolean any = false;
            for (int i = 0; i < values.length; i++) {
                CellRange value = check.range(attributes.get(i), false);
                values[i] = value == null ? null : shared(valuePools.get(i), value);
                any |= value != null;
            }
            if (!any) {
                return Map.of();
            }
            Map<String, String> set = knownSets.get(known);
            return set != null ? set : remember(values);
        }

        // A set this worker has not seen: the shared pool gives the other workers' instance when they have.
        private Map<String, String> remember(String[] values) {
            entries.clear();
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    entries.add(Map.entry(attributes.get(i).name(), values[i]));
                }
            }
            Map<String, String> set = immutableMap(entries);
            Map<String, String> pooled = attributeSets.get(set);
            // Two workers may both add a set: the pool bound is passed by at most one set per worker.
            if (pooled == null && attributeSets.size() < ATTRIBUTE_SET_POOL_LIMIT) {
                pooled = attributeSets.putIfAbsent(set, set);
            }
            set = pooled != null ? pooled : set;
            if (knownSets.size() < ATTRIBUTE_SET_POOL_LIMIT) {
                knownSets.put(new AttributeValues(values.clone()), set);
            }
            return set;
        }
    }

    /**
     * A row's attribute values in column order, null where empty: the key of a worker's sets, so that
     * a row whose set is known costs no map, and no entries, to look it up.
     */
    private static final class AttributeValues {
        private final String[] values;

        AttributeValues(String[] values) {
            this.values = values;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AttributeValues that && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    // An immutable map is what Customer keeps anyway; building it directly spares Map.copyOf a copy.
    // Map.ofEntries takes an array, and an array of a generic type can only be created raw.
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> immutableMap(List<Map.Entry<String, String>> entries) {
        return Map.ofEntries(entries.toArray(new Map.Entry[0]));
    }

    private static String shared(TextCache<String> pool, CellRange cell) {
        String known = pool.get(cell);
        if (known != null) {
            return known;
        }
        String value = cell.toString();
        pool.put(value, value);
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

    @Override
    public void ended() {
        positions = new CustomerPositions(customers, ids, customerLines.drain());
    }

    /**
     * Each kept customer's id and its position among {@link #customers}, read from the id index and the
     * kept rows' lines: a hash map of a million customers would cost some 60 MB just as the dataset is
     * built. Empty when the file was not read.
     */
    Map<String, Integer> positions() {
        return positions != null ? positions : Map.of();
    }

    /** As {@link #positions}, or null until the file is read. */
    CustomerPositions positionsIfRead() {
        return positions;
    }
}
