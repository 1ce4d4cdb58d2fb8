package io.xsell.server.persistence.snapshot;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.Customer;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.LineKind;
import io.xsell.core.model.OneTimeCharge;
import io.xsell.core.model.Product;
import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.MrrLedger;
import io.xsell.core.mrr.PricedCharge;
import io.xsell.core.mrr.PricedItem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A prepared tenant (dataset and priced ledger) as a compact byte string. Written in format 4
 * ({@link ColumnarSnapshot}: the dataset's and ledger's columns); format 3, described here, is still
 * read (and written by {@link #encodeRows} for tests and comparisons), so a server upgraded over
 * snapshots of format 3 restores them until its next import replaces them.
 *
 * <p>Format 3: ids and names in full,
 * repeated strings and amounts dictionary-encoded, days as epoch days, amounts exact (unscaled
 * digits and scale, so {@code 1.50} comes back as {@code 1.50}, not {@code 1.5}).
 *
 * <p>The body is a magic number, the format, the prepared tenant's weight (so a server starting up
 * reads it from the first {@value #HEAD} bytes: {@link #weight}), and {@value #SECTIONS} sections,
 * each deflated on its own (with its own dictionaries) and preceded by its length, so that two threads decode it: one
 * the customers and the first half of the items, the other the ledger and the second half of the
 * items with the charges. Items and charges name their customer by its position among the
 * customers. The first section starts with the tenant and the data version, so a body stored under
 * another key is refused. Decoding rebuilds the dataset through {@link TenantDataset#of}, whose
 * consistency checks run again, and the ledger through {@link MrrLedger#restore}.
 */
public final class PreparedTenantCodec {
    /** The format written; bumped whenever the layout changes. A snapshot of a format not read is rebuilt. */
    public static final int FORMAT = ColumnarSnapshot.FORMAT;
    /** The previous format, of rows: still read. */
    public static final int ROWS_FORMAT = 3;
    private static final int MAGIC = 0x58534E50; // "XSNP"
    private static final int BUFFER = 1 << 16;
    private static final int ROWS_MAX = Integer.MAX_VALUE - 8;
    private static final PricedItem[] NO_ITEMS = new PricedItem[0];
    private static final PricedCharge[] NO_CHARGES = new PricedCharge[0];
    private static final int SUBSCRIPTION_RUN = 0;
    /** Header, customers, products and rates; items (first part); items (second part) and charges; ledger. */
    static final int SECTIONS = 4;
    /** Magic number, format and weight: the bytes before the first section. */
    public static final int HEAD = 16;

    private PreparedTenantCodec() {
    }

    /**
     * What a snapshot gives back.
     *
     * @param retainedBytes what the prepared tenant weighed when it was saved
     */
    public record Restored(TenantDataset dataset, MrrLedger ledger, long retainedBytes) {
    }

    /** Whether this server reads snapshots of {@code format}. */
    public static boolean reads(int format) {
        return format == FORMAT || format == ROWS_FORMAT;
    }

    /** The prepared tenant in {@link #FORMAT}. @param retainedBytes its weight, given back by {@link #decode} */
    public static byte[] encode(TenantId tenant, long dataVersion, TenantDataset dataset, MrrLedger ledger,
                                long retainedBytes) {
        if (ledger.customerCount() != dataset.customers().size()) {
            throw new IllegalArgumentException("the ledger was not priced from this dataset");
        }
        try {
            return ColumnarSnapshot.encode(tenant, dataVersion, dataset, ledger, retainedBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
    }

    static void writeHead(ByteArrayOutputStream body, int format, long retainedBytes) throws IOException {
        SnapshotOutput frame = new SnapshotOutput(body);
        frame.writeInt(MAGIC);
        frame.writeInt(format);
        frame.writeInt((int) (retainedBytes >>> 32));
        frame.writeInt((int) retainedBytes);
        frame.flush();
    }

    /** The prepared tenant in {@link #ROWS_FORMAT}, as servers wrote it before format 4: for tests and comparisons. */
    public static byte[] encodeRows(TenantId tenant, long dataVersion, TenantDataset dataset, MrrLedger ledger,
                                    long retainedBytes) {
        if (ledger.customerCount() != dataset.customers().size()) {
            throw new IllegalArgumentException("the ledger was not priced from this dataset");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(BUFFER);
        try {
            writeHead(bytes, ROWS_FORMAT, retainedBytes);
            CustomerIndex customers = new CustomerIndex(dataset.customers());
            int split = dataset.items().size() / 2;
            section(bytes, out -> {
                out.text(tenant.value());
                out.unsigned(dataVersion);
                out.unsigned(retainedBytes); // again, inside the deflated (and so Adler-32 checked) bytes
                out.unsigned(dataset.items().size());
                out.unsigned(split);
                writeCustomersProductsRates(out, dataset);
            });
            section(bytes, out -> writeItems(out, dataset.items().subList(0, split), customers));
            section(bytes, out -> {
                writeItems(out, dataset.items().subList(split, dataset.items().size()), customers);
                writeCharges(out, dataset.charges(), customers);
            });
            section(bytes, out -> writeLedger(out, ledger));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private interface Writer {
        void write(SnapshotOutput out) throws IOException;
    }

    /** One section: its deflated length, then its bytes. */
    private static void section(ByteArrayOutputStream body, Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(BUFFER);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (OutputStream deflated = new DeflaterOutputStream(bytes, deflater, BUFFER)) {
            SnapshotOutput out = new SnapshotOutput(deflated);
            writer.write(out);
            out.flush();
        } finally {
            deflater.end();
        }
        SnapshotOutput length = new SnapshotOutput(body);
        length.writeInt(bytes.size());
        length.flush();
        bytes.writeTo(body);
    }

    /**
     * @throws CorruptSnapshotException when the body is damaged, of another format, or of another
     *                                  tenant or version than asked for
     */
    public static Restored decode(byte[] body, TenantId tenant, long dataVersion, String reportingCurrency) {
        try {
            int format = format(body);
            long retainedBytes = weight(body);
            if (retainedBytes < 0) {
                throw new CorruptSnapshotException("a negative weight");
            }
            if (format == FORMAT) {
                return ColumnarSnapshot.decode(body, tenant, dataVersion, reportingCurrency, retainedBytes);
            }
            int[] bounds = sections(body);
            Decoding decoding = new Decoding(body, bounds);
            // the second thread: the ledger, then (once the customers are known) the second half of the items
            CompletableFuture<PricedParts> second = new CompletableFuture<>();
            Thread helper = new Thread(() -> {
                try {
                    second.complete(decoding.second());
                } catch (Throwable e) {
                    second.completeExceptionally(e);
                }
            }, "snapshot-decode");
            helper.setDaemon(true);
            helper.start();
            Dataset first;
            try {
                first = decoding.first(tenant, dataVersion, reportingCurrency, retainedBytes);
            } catch (RuntimeException | IOException | Error e) {
                decoding.customers.completeExceptionally(e); // the other thread stops waiting for them
                awaitQuietly(second);
                throw e;
            }
            PricedParts parts = join(second);
            TenantDataset dataset = TenantDataset.of(first.currency(), first.customers(), first.products(),
                    Arrays.asList(decoding.items), parts.charges(), first.rates());
            MrrLedger ledger = MrrLedger.restore(dataset, parts.items(), parts.pricedCharges());
            return new Restored(dataset, ledger, retainedBytes);
        } catch (IOException e) { // a truncated or damaged deflate stream
            throw corrupt(e);
        } catch (CorruptSnapshotException e) {
            throw e;
        } catch (RuntimeException e) { // the model's own checks on damaged values: never trusted, rebuilt
            throw corrupt(e);
        }
    }

    static void awaitQuietly(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (RuntimeException ignored) {
            // the first failure is the one reported
        }
    }

    static <T> T join(CompletableFuture<T> future) throws IOException {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The format of a whole body, after its magic number, format and length are checked. */
    private static int format(byte[] body) {
        if (body.length < 8 || readInt(body, 0) != MAGIC) {
            throw new CorruptSnapshotException("not a tenant snapshot");
        }
        int format = readInt(body, 4);
        if (!reads(format)) {
            throw new CorruptSnapshotException("snapshot format " + format + ", this server reads " + ROWS_FORMAT
                    + " and " + FORMAT);
        }
        if (body.length < HEAD) {
            throw new CorruptSnapshotException("the snapshot ends in its head");
        }
        return format;
    }

    /** Where each section of format 3 starts and ends in the body, after its frame is checked. */
    private static int[] sections(byte[] body) {
        int[] bounds = new int[SECTIONS * 2];
        int at = HEAD;
        for (int s = 0; s < SECTIONS; s++) {
            if (body.length - at < 4) {
                throw new CorruptSnapshotException("the snapshot ends before section " + s);
            }
            int length = readInt(body, at);
            at += 4;
            if (length < 0 || length > body.length - at) {
                throw new CorruptSnapshotException("section " + s + " of " + length + " bytes runs past the end");
            }
            bounds[2 * s] = at;
            bounds[2 * s + 1] = at + length;
            at += length;
        }
        if (at != body.length) {
            throw new CorruptSnapshotException("bytes after the end of the snapshot");
        }
        return bounds;
    }

    /**
     * The weight saved with a snapshot, from its first {@link #HEAD} bytes (what the body is checked
     * against comes later, when it is decoded); -1 when they are not the head of a snapshot of this format.
     */
    public static long weight(byte[] head) {
        if (head.length < HEAD || readInt(head, 0) != MAGIC || !reads(readInt(head, 4))) {
            return -1;
        }
        long weight = (long) readInt(head, 8) << 32 | readInt(head, 12) & 0xFFFFFFFFL;
        return weight < 0 ? -1 : weight;
    }

    static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
                | bytes[at + 3] & 0xFF;
    }

    private static CorruptSnapshotException corrupt(Exception e) {
        CorruptSnapshotException corrupt = new CorruptSnapshotException("unreadable snapshot: " + e.getMessage());
        corrupt.initCause(e);
        return corrupt;
    }

    private record Dataset(String currency, List<Customer> customers, List<Product> products, List<FxRate> rates) {
    }

    private record PricedParts(List<OneTimeCharge> charges, PricedItem[][] items, PricedCharge[][] pricedCharges) {
    }

    /** One decode: what its two threads share. */
    private static final class Decoding {
        private final byte[] body;
        private final int[] bounds;
        /** The customers, once the first thread has read them: the items name theirs by position. */
        final CompletableFuture<List<Customer>> customers = new CompletableFuture<>();
        /** Every item, each thread filling its part; sized from the first section. */
        private final CompletableFuture<int[]> itemCounts = new CompletableFuture<>();
        volatile RecurringItem[] items;

        Decoding(byte[] body, int[] bounds) {
            this.body = body;
            this.bounds = bounds;
        }

        /** The header, customers, products and rates, then the first part of the items. */
        Dataset first(TenantId tenant, long dataVersion, String reportingCurrency, long weight) throws IOException {
            Dataset dataset = read(0, in -> {
                String storedTenant = in.text();
                long storedVersion = in.unsigned();
                if (in.unsigned() != weight) {
                    throw new CorruptSnapshotException("the weight in the head differs from the one in the body");
                }
                if (!tenant.value().equals(storedTenant) || storedVersion != dataVersion) {
                    throw new CorruptSnapshotException("snapshot of tenant '" + storedTenant + "' version "
                            + storedVersion + " stored as tenant '" + tenant + "' version " + dataVersion);
                }
                int itemCount = in.count(ROWS_MAX);
                int split = in.count(itemCount + 1L);
                items = new RecurringItem[itemCount];
                itemCounts.complete(new int[] {itemCount, split});
                String currency = in.text();
                if (!reportingCurrency.equals(currency)) {
                    throw new CorruptSnapshotException("snapshot in " + currency + " for a tenant reporting in "
                            + reportingCurrency);
                }
                List<Customer> customerList = readCustomers(in);
                customers.complete(customerList);
                List<Product> products = readProducts(in);
                List<FxRate> rates = readRates(in);
                return new Dataset(currency, customerList, products, rates);
            });
            int[] counts = itemCounts.join();
            read(1, in -> readItems(in, dataset.customers(), items, 0, counts[1]));
            return dataset;
        }

        /** The ledger, then the second part of the items and the charges. */
        PricedParts second() throws IOException {
            PricedItem[][][] pricedItems = new PricedItem[1][][];
            PricedCharge[][] pricedCharges = read(3, in -> {
                int customerCount = in.count(ROWS_MAX);
                pricedItems[0] = new PricedItem[customerCount][];
                return readLedger(in, pricedItems[0]);
            });
            List<Customer> customerList = customers.join(); // the first thread failed: its failure is thrown
            int[] counts = itemCounts.join();
            List<OneTimeCharge> charges = read(2, in -> {
                readItems(in, customerList, items, counts[1], counts[0]);
                return readCharges(in, customerList);
            });
            return new PricedParts(charges, pricedItems[0], pricedCharges);
        }

        private <T> T read(int section, Reader<T> reader) throws IOException {
            int from = bounds[2 * section];
            int to = bounds[2 * section + 1];
            ByteArrayInputStream source = new ByteArrayInputStream(body, from, to - from);
            Inflater inflater = new Inflater();
            try (InputStream inflated = new InflaterInputStream(source, inflater, BUFFER)) {
                SnapshotInput in = new SnapshotInput(inflated);
                T value = reader.read(in);
                // read to the end, so deflate's own Adler-32 is checked too, and nothing may follow it
                if (!in.atEnd() || inflater.getRemaining() != 0 || source.available() != 0) {
                    throw new CorruptSnapshotException("bytes after the end of section " + section);
                }
                return value;
            } finally {
                inflater.end();
            }
        }
    }

    private interface Reader<T> {
        T read(SnapshotInput in) throws IOException;
    }

    static void writeCustomersProductsRates(SnapshotOutput out, TenantDataset dataset) throws IOException {
        out.text(dataset.reportingCurrency());
        out.unsigned(dataset.customers().size());
        Map<Map<String, String>, Integer> attributeSets = new HashMap<>();
        for (Customer c : dataset.customers()) {
            out.text(c.id());
            out.text(c.name());
            out.day(c.createdAt());
            Integer known = attributeSets.get(c.attributes());
            if (known != null) {
                out.unsigned(known + 1L);
            } else {
                out.unsigned(0);
                out.unsigned(c.attributes().size());
                for (Map.Entry<String, String> a : c.attributes().entrySet()) {
                    out.shared(a.getKey());
                    out.shared(a.getValue());
                }
                if (attributeSets.size() < SnapshotOutput.DICTIONARY_MAX) {
                    attributeSets.put(c.attributes(), attributeSets.size());
                }
            }
        }
        out.unsigned(dataset.products().size());
        for (Product p : dataset.products()) {
            out.shared(p.id());
            out.text(p.name());
            out.shared(p.productLine());
            out.shared(p.kind().name());
            out.decimal(p.grossMargin());
            out.text(p.lineName());
        }
        out.unsigned(dataset.rates().size());
        for (FxRate r : dataset.rates()) {
            out.day(r.date());
            out.shared(r.currency());
            out.decimal(r.rate());
        }
    }

    private static void writeItems(SnapshotOutput out, List<RecurringItem> items, CustomerIndex customers)
            throws IOException {
        int previous = 0;
        for (RecurringItem i : items) {
            out.text(i.id());
            int customer = customers.of(i.customerId());
            out.signed(customer - (long) previous); // 0: the same customer as the row before
            previous = customer;
            out.shared(i.productId());
            out.run(SUBSCRIPTION_RUN, i.subscriptionId());
            out.day(i.startDate());
            out.day(i.endDate());
            out.decimal(i.unitAmount());
            out.decimal(i.quantity());
            out.shared(i.currency());
            out.shared(i.interval().name());
            out.unsigned(i.intervalCount());
            out.decimal(i.discountPercent());
            out.decimal(i.discountAmount());
            out.day(i.trialEnd());
            out.shared(i.bundleId());
        }
    }

    private static void writeCharges(SnapshotOutput out, List<OneTimeCharge> charges, CustomerIndex customers)
            throws IOException {
        out.unsigned(charges.size());
        int previous = 0;
        for (OneTimeCharge c : charges) {
            out.text(c.id());
            int customer = customers.of(c.customerId());
            out.signed(customer - (long) previous);
            previous = customer;
            out.shared(c.productId());
            out.day(c.date());
            out.decimal(c.amount());
            out.shared(c.currency());
            out.shared(c.description());
        }
    }

    static List<Customer> readCustomers(SnapshotInput in) throws IOException {
        int customerCount = in.count(ROWS_MAX);
        List<Customer> customers = new ArrayList<>(Math.min(customerCount, 1 << 20));
        List<Map<String, String>> attributeSets = new ArrayList<>();
        for (int n = 0; n < customerCount; n++) {
            String id = in.text();
            String name = in.text();
            java.time.LocalDate created = in.day();
            int set = in.count(attributeSets.size() + 1L);
            Map<String, String> attributes;
            if (set > 0) {
                attributes = attributeSets.get(set - 1);
            } else {
                int size = in.count(1 << 10);
                Map<String, String> read = new LinkedHashMap<>();
                for (int a = 0; a < size; a++) {
                    read.put(in.shared(), in.shared());
                }
                attributes = Map.copyOf(read); // immutable: Customer keeps this very instance
                if (attributeSets.size() < SnapshotOutput.DICTIONARY_MAX) {
                    attributeSets.add(attributes);
                }
            }
            customers.add(new Customer(id, name, created, attributes));
        }
        return customers;
    }

    static List<Product> readProducts(SnapshotInput in) throws IOException {
        int productCount = in.count(ROWS_MAX);
        List<Product> products = new ArrayList<>(Math.min(productCount, 1 << 10));
        for (int n = 0; n < productCount; n++) {
            products.add(new Product(in.shared(), in.text(), in.shared(), LineKind.valueOf(in.shared()), in.decimal(),
                    in.text()));
        }
        return products;
    }

    static List<FxRate> readRates(SnapshotInput in) throws IOException {
        int rateCount = in.count(ROWS_MAX);
        List<FxRate> rates = new ArrayList<>(Math.min(rateCount, 1 << 16));
        for (int n = 0; n < rateCount; n++) {
            rates.add(new FxRate(in.day(), in.shared(), in.decimal()));
        }
        return rates;
    }

    /** Items {@code [from, to)}; each names its customer by position, so it shares that customer's id instance. */
    private static Void readItems(SnapshotInput in, List<Customer> customers, RecurringItem[] items, int from, int to)
            throws IOException {
        int customer = 0;
        for (int n = from; n < to; n++) {
            String id = in.text();
            customer = customerAt(in, customers, customer);
            items[n] = new RecurringItem(id, customers.get(customer).id(), in.shared(), in.run(SUBSCRIPTION_RUN),
                    in.day(), in.day(), in.decimal(), in.decimal(), in.shared(), BillingInterval.valueOf(in.shared()),
                    in.count(Integer.MAX_VALUE), in.decimal(), in.decimal(), in.day(), in.shared());
        }
        return null;
    }

    private static List<OneTimeCharge> readCharges(SnapshotInput in, List<Customer> customers) throws IOException {
        int chargeCount = in.count(ROWS_MAX);
        List<OneTimeCharge> charges = new ArrayList<>(Math.min(chargeCount, 1 << 20));
        int customer = 0;
        for (int n = 0; n < chargeCount; n++) {
            String id = in.text();
            customer = customerAt(in, customers, customer);
            charges.add(new OneTimeCharge(id, customers.get(customer).id(), in.shared(), in.day(), in.decimal(),
                    in.shared(), in.shared()));
        }
        return charges;
    }

    /** The position written as its distance from the previous row's, checked against the customers. */
    private static int customerAt(SnapshotInput in, List<Customer> customers, int previous) throws IOException {
        long customer = previous + in.signed();
        if (customer < 0 || customer >= customers.size()) {
            throw new CorruptSnapshotException("customer " + customer + " of " + customers.size());
        }
        return (int) customer;
    }

    private static void writeLedger(SnapshotOutput out, MrrLedger ledger) throws IOException {
        out.unsigned(ledger.customerCount());
        for (int c = 0; c < ledger.customerCount(); c++) {
            PricedItem[] items = ledger.items(c);
            out.unsigned(items.length);
            for (PricedItem item : items) {
                out.unsigned(item.line() * 2L + (item.bundled() ? 1 : 0));
                out.signed(item.activeFrom());
                out.unsigned(item.end() == PricedItem.OPEN ? 0 : (long) item.end() - item.activeFrom());
                out.decimal(item.monthly());
            }
            PricedCharge[] charges = ledger.charges(c);
            out.unsigned(charges.length);
            for (PricedCharge charge : charges) {
                out.signed(charge.day());
                out.decimal(charge.amount());
            }
        }
    }

    /** Fills {@code items} (one array per customer) and returns the charges likewise. */
    private static PricedCharge[][] readLedger(SnapshotInput in, PricedItem[][] items) throws IOException {
        int customers = items.length;
        PricedCharge[][] charges = new PricedCharge[customers][];
        for (int c = 0; c < customers; c++) {
            int itemCount = in.count(ROWS_MAX);
            PricedItem[] own = itemCount == 0 ? NO_ITEMS : new PricedItem[itemCount];
            for (int n = 0; n < itemCount; n++) {
                long lineAndBundled = in.unsigned();
                int from = in.signedInt();
                long length = in.unsigned();
                long end = length == 0 ? PricedItem.OPEN : from + length;
                if (lineAndBundled / 2 > Integer.MAX_VALUE || end >= PricedItem.OPEN && length != 0) {
                    throw new CorruptSnapshotException("priced item out of range");
                }
                own[n] = new PricedItem((int) (lineAndBundled / 2), from, (int) end, requireDecimal(in),
                        (lineAndBundled & 1) == 1);
            }
            items[c] = own;
            int chargeCount = in.count(ROWS_MAX);
            PricedCharge[] ownCharges = chargeCount == 0 ? NO_CHARGES : new PricedCharge[chargeCount];
            for (int n = 0; n < chargeCount; n++) {
                ownCharges[n] = new PricedCharge(in.signedInt(), requireDecimal(in));
            }
            charges[c] = ownCharges;
        }
        return charges;
    }

    private static java.math.BigDecimal requireDecimal(SnapshotInput in) throws IOException {
        java.math.BigDecimal value = in.decimal();
        if (value == null) {
            throw new CorruptSnapshotException("a priced amount that is null");
        }
        return value;
    }

    /**
     * A customer's position from its id, for writing. Rows list a customer's items together and
     * customers in the same order, so a cursor finds nearly every one; a map is built only for
     * rows out of that order.
     */
    private static final class CustomerIndex {
        private final List<Customer> customers;
        private int cursor;
        private Map<String, Integer> all;

        CustomerIndex(List<Customer> customers) {
            this.customers = customers;
        }

        int of(String id) {
            for (int k = cursor; k < Math.min(cursor + 2, customers.size()); k++) {
                if (customers.get(k).id().equals(id)) {
                    cursor = k;
                    return k;
                }
            }
            if (all == null) {
                all = new HashMap<>(customers.size() * 2);
                for (int k = 0; k < customers.size(); k++) {
                    all.put(customers.get(k).id(), k);
                }
            }
            Integer k = all.get(id);
            if (k == null) {
                throw new IllegalArgumentException("a row of unknown customer '" + id + "'");
            }
            cursor = k;
            return k;
        }
    }
}
