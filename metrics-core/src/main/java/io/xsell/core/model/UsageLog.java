package io.xsell.core.model;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Usage events in columns: ten million events as objects would cost about 50 bytes each plus a
 * reference, as parallel primitive arrays they cost 12. Customer ids and feature names are
 * dictionary-encoded; events are grouped by customer (in arrival order within a customer), so a
 * customer's events are the range {@link #start(int)} to {@link #end(int)}. Immutable.
 */
public final class UsageLog {
    private static final UsageLog EMPTY = new Builder().build();

    private final String[] customers;
    private final String[] features;
    private final int[] offsets;
    private final int[] feature;
    private final int[] day;
    private final int[] count;

    private UsageLog(String[] customers, String[] features, int[] offsets, int[] feature, int[] day, int[] count) {
        this.customers = customers;
        this.features = features;
        this.offsets = offsets;
        this.feature = feature;
        this.day = day;
        this.count = count;
    }

    /** Adds the log's columns and the id strings it holds to {@code footprint}. */
    void addTo(HeapFootprint footprint) {
        if (!footprint.first(this)) {
            return;
        }
        footprint.add(HeapFootprint.object(6 * HeapFootprint.REF))
                .add(HeapFootprint.referenceArray(customers.length) + HeapFootprint.referenceArray(features.length))
                .add(HeapFootprint.intArray(offsets.length) + HeapFootprint.intArray(feature.length)
                        + HeapFootprint.intArray(day.length) + HeapFootprint.intArray(count.length));
        for (String c : customers) {
            footprint.string(c);
        }
        for (String f : features) {
            footprint.string(f);
        }
    }

    public static UsageLog empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of events (rows), not the sum of their counts. */
    public int size() {
        return day.length;
    }

    public boolean isEmpty() {
        return day.length == 0;
    }

    /** Number of distinct customers with events; customer codes are {@code 0 .. customerCount()-1}. */
    public int customerCount() {
        return customers.length;
    }

    public String customerId(int customerCode) {
        return customers[customerCode];
    }

    /** Number of distinct features; feature codes are {@code 0 .. featureCount()-1}. */
    public int featureCount() {
        return features.length;
    }

    public String feature(int featureCode) {
        return features[featureCode];
    }

    /** First event index of the customer. */
    public int start(int customerCode) {
        return offsets[customerCode];
    }

    /** One past the last event index of the customer. */
    public int end(int customerCode) {
        return offsets[customerCode + 1];
    }

    public int featureAt(int event) {
        return feature[event];
    }

    /** Epoch day of the event. */
    public int dayAt(int event) {
        return day[event];
    }

    public int countAt(int event) {
        return count[event];
    }

    /** Sum of the counts of every event. */
    public long totalCount() {
        long total = 0;
        for (int c : count) {
            total += c;
        }
        return total;
    }

    /** Visits every event, customer by customer. */
    public void forEach(Visitor visitor) {
        for (int c = 0; c < customers.length; c++) {
            for (int e = offsets[c]; e < offsets[c + 1]; e++) {
                visitor.visit(customers[c], features[feature[e]], day[e], count[e]);
            }
        }
    }

    /**
     * This log followed by {@code more}: the events of a customer in both stay together, this
     * log's first. Linear in the events and without hashing this log's events, so appending a
     * batch to a large log costs array copies only.
     */
    public UsageLog append(UsageLog more) {
        if (more.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return more;
        }
        Map<String, Integer> customerCodes = codes(customers);
        Map<String, Integer> featureCodes = codes(features);
        int[] customerOf = recode(more.customers, customerCodes);
        int[] featureOf = recode(more.features, featureCodes);
        String[] allCustomers = names(customerCodes);
        String[] allFeatures = names(featureCodes);
        int[] counts = new int[allCustomers.length + 1];
        for (int c = 0; c < customers.length; c++) {
            counts[c + 1] += offsets[c + 1] - offsets[c];
        }
        for (int c = 0; c < more.customers.length; c++) {
            counts[customerOf[c] + 1] += more.offsets[c + 1] - more.offsets[c];
        }
        for (int c = 0; c < allCustomers.length; c++) {
            counts[c + 1] += counts[c];
        }
        int size = day.length + more.day.length;
        int[] newFeature = new int[size];
        int[] newDay = new int[size];
        int[] newCount = new int[size];
        int[] next = Arrays.copyOf(counts, allCustomers.length);
        for (int c = 0; c < customers.length; c++) {
            int length = offsets[c + 1] - offsets[c];
            System.arraycopy(feature, offsets[c], newFeature, next[c], length);
            System.arraycopy(day, offsets[c], newDay, next[c], length);
            System.arraycopy(count, offsets[c], newCount, next[c], length);
            next[c] += length;
        }
        for (int c = 0; c < more.customers.length; c++) {
            int target = customerOf[c];
            for (int e = more.offsets[c]; e < more.offsets[c + 1]; e++) {
                int at = next[target]++;
                newFeature[at] = featureOf[more.feature[e]];
                newDay[at] = more.day[e];
                newCount[at] = more.count[e];
            }
        }
        return new UsageLog(allCustomers, allFeatures, counts, newFeature, newDay, newCount);
    }

    private static Map<String, Integer> codes(String[] names) {
        Map<String, Integer> codes = new java.util.LinkedHashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            codes.put(names[i], i);
        }
        return codes;
    }

    /** The code of each name in {@code codes}, adding the names it lacks. */
    private static int[] recode(String[] names, Map<String, Integer> codes) {
        int[] result = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            Integer known = codes.get(names[i]);
            if (known == null) {
                known = codes.size();
                codes.put(names[i], known);
            }
            result[i] = known;
        }
        return result;
    }

    private static String[] names(Map<String, Integer> codes) {
        return codes.keySet().toArray(new String[0]); // insertion order is code order
    }

    @FunctionalInterface
    public interface Visitor {
        void visit(String customerId, String feature, int epochDay, int count);
    }

    /** Collects events in any order; {@link #build()} groups them by customer. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Integer> customerCodes = new HashMap<>();
        private final Map<String, Integer> featureCodes = new HashMap<>();
        private String[] customerNames = new String[16];
        private String[] featureNames = new String[16];
        private int[] customer = new int[64];
        private int[] feature = new int[64];
        private int[] day = new int[64];
        private int[] count = new int[64];
        private int size;

        private Builder() {
        }

        public Builder add(UsageEvent event) {
            return add(event.customerId(), event.feature(), Math.toIntExact(event.date().toEpochDay()), event.count());
        }

        public Builder add(String customerId, String featureName, LocalDate date, int eventCount) {
            return add(customerId, featureName, Math.toIntExact(date.toEpochDay()), eventCount);
        }

        /** Validates like {@link UsageEvent} without building one. */
        public Builder add(String customerId, String featureName, int epochDay, int eventCount) {
            InvalidFieldException.requireId(customerId, "customer_id");
            InvalidFieldException.requireId(featureName, "feature");
            if (eventCount < 1) {
                throw new InvalidFieldException("count", "count must be a whole number >= 1, was " + eventCount);
            }
            if (size == day.length) {
                int grown = Math.max(64, size + (size >> 1));
                customer = Arrays.copyOf(customer, grown);
                feature = Arrays.copyOf(feature, grown);
                day = Arrays.copyOf(day, grown);
                count = Arrays.copyOf(count, grown);
            }
            customer[size] = code(customerCodes, customerId, true);
            feature[size] = code(featureCodes, featureName, false);
            day[size] = epochDay;
            count[size] = eventCount;
            size++;
            return this;
        }

        /** Adds every event of {@code log}. */
        public Builder addAll(UsageLog log) {
            log.forEach(this::add);
            return this;
        }

        public int size() {
            return size;
        }

        private int code(Map<String, Integer> codes, String name, boolean isCustomer) {
            Integer known = codes.get(name);
            if (known != null) {
                return known;
            }
            int next = codes.size();
            codes.put(name, next);
            if (isCustomer) {
                customerNames = put(customerNames, next, name);
            } else {
                featureNames = put(featureNames, next, name);
            }
            return next;
        }

        private static String[] put(String[] names, int index, String name) {
            String[] target = index == names.length ? Arrays.copyOf(names, names.length * 2) : names;
            target[index] = name;
            return target;
        }

        /** Groups the events by customer with a counting sort: linear, and stable within a customer. */
        public UsageLog build() {
            int customers = customerCodes.size();
            int[] offsets = new int[customers + 1];
            for (int i = 0; i < size; i++) {
                offsets[customer[i] + 1]++;
            }
            for (int c = 0; c < customers; c++) {
                offsets[c + 1] += offsets[c];
            }
            int[] next = Arrays.copyOf(offsets, customers);
            int[] sortedFeature = new int[size];
            int[] sortedDay = new int[size];
            int[] sortedCount = new int[size];
            for (int i = 0; i < size; i++) {
                int at = next[customer[i]]++;
                sortedFeature[at] = feature[i];
                sortedDay[at] = day[i];
                sortedCount[at] = count[i];
            }
            return new UsageLog(Arrays.copyOf(customerNames, customers), Arrays.copyOf(featureNames, featureCodes.size()),
                    offsets, sortedFeature, sortedDay, sortedCount);
        }
    }
}
