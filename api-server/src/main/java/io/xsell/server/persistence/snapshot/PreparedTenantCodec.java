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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * A prepared tenant (dataset and priced ledger) as a compact, deflated byte string: ids and names
 * in full, repeated strings and amounts dictionary-encoded, days as epoch days, amounts exact
 * (unscaled digits and scale, so {@code 1.50} comes back as {@code 1.50}, not {@code 1.5}). The
 * body starts with a magic number, the format, the tenant and the data version, so a body stored
 * under another key is refused. Decoding rebuilds the dataset through {@link TenantDataset#of},
 * whose consistency checks run again, and the ledger through {@link MrrLedger#restore}.
 */
public final class PreparedTenantCodec {
    /** Bumped whenever the layout changes: a snapshot of another format is ignored and rebuilt. */
    public static final int FORMAT = 2;
    private static final int MAGIC = 0x58534E50; // "XSNP"
    private static final int BUFFER = 1 << 16;
    private static final int ROWS_MAX = Integer.MAX_VALUE - 8;
    private static final PricedItem[] NO_ITEMS = new PricedItem[0];
    private static final PricedCharge[] NO_CHARGES = new PricedCharge[0];
    private static final int CUSTOMER_RUN = 0;
    private static final int SUBSCRIPTION_RUN = 1;

    private PreparedTenantCodec() {
    }

    /**
     * What a snapshot gives back.
     *
     * @param retainedBytes what the prepared tenant weighed when it was saved
     */
    public record Restored(TenantDataset dataset, MrrLedger ledger, long retainedBytes) {
    }

    /** @param retainedBytes the prepared tenant's weight, given back by {@link #decode} */
    public static byte[] encode(TenantId tenant, long dataVersion, TenantDataset dataset, MrrLedger ledger,
                                long retainedBytes) {
        if (ledger.customerCount() != dataset.customers().size()) {
            throw new IllegalArgumentException("the ledger was not priced from this dataset");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(BUFFER);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (OutputStream deflated = new DeflaterOutputStream(bytes, deflater, BUFFER)) {
            SnapshotOutput out = new SnapshotOutput(deflated);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.text(tenant.value());
            out.unsigned(dataVersion);
            out.unsigned(retainedBytes);
            writeDataset(out, dataset);
            writeLedger(out, ledger);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * @throws CorruptSnapshotException when the body is damaged, of another format, or of another
     *                                  tenant or version than asked for
     */
    public static Restored decode(byte[] body, TenantId tenant, long dataVersion, String reportingCurrency) {
        Inflater inflater = new Inflater();
        try (InputStream inflated = new InflaterInputStream(new ByteArrayInputStream(body), inflater, BUFFER)) {
            SnapshotInput in = new SnapshotInput(inflated);
            if (in.readInt() != MAGIC) {
                throw new CorruptSnapshotException("not a tenant snapshot");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new CorruptSnapshotException("snapshot format " + format + ", this server reads " + FORMAT);
            }
            String storedTenant = in.text();
            long storedVersion = in.unsigned();
            long retainedBytes = in.unsigned();
            if (!tenant.value().equals(storedTenant) || storedVersion != dataVersion) {
                throw new CorruptSnapshotException("snapshot of tenant '" + storedTenant + "' version " + storedVersion
                        + " stored as tenant '" + tenant + "' version " + dataVersion);
            }
            TenantDataset dataset = readDataset(in);
            if (!dataset.reportingCurrency().equals(reportingCurrency)) {
                throw new CorruptSnapshotException("snapshot in " + dataset.reportingCurrency()
                        + " for a tenant reporting in " + reportingCurrency);
            }
            MrrLedger ledger = readLedger(in, dataset);
            if (!in.atEnd()) {
                throw new CorruptSnapshotException("bytes after the end of the snapshot");
            }
            return new Restored(dataset, ledger, retainedBytes);
        } catch (IOException e) { // a truncated or damaged deflate stream
            throw corrupt(e);
        } catch (CorruptSnapshotException e) {
            throw e;
        } catch (RuntimeException e) { // the model's own checks on damaged values: never trusted, rebuilt
            throw corrupt(e);
        } finally {
            inflater.end();
        }
    }

    private static CorruptSnapshotException corrupt(Exception e) {
        CorruptSnapshotException corrupt = new CorruptSnapshotException("unreadable snapshot: " + e.getMessage());
        corrupt.initCause(e);
        return corrupt;
    }

    private static void writeDataset(SnapshotOutput out, TenantDataset dataset) throws IOException {
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
        out.unsigned(dataset.items().size());
        for (RecurringItem i : dataset.items()) {
            out.text(i.id());
            out.run(CUSTOMER_RUN, i.customerId());
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
        out.unsigned(dataset.charges().size());
        for (OneTimeCharge c : dataset.charges()) {
            out.text(c.id());
            out.run(CUSTOMER_RUN, c.customerId());
            out.shared(c.productId());
            out.day(c.date());
            out.decimal(c.amount());
            out.shared(c.currency());
            out.shared(c.description());
        }
        out.unsigned(dataset.rates().size());
        for (FxRate r : dataset.rates()) {
            out.day(r.date());
            out.shared(r.currency());
            out.decimal(r.rate());
        }
    }

    private static TenantDataset readDataset(SnapshotInput in) throws IOException {
        String currency = in.text();
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
        int productCount = in.count(ROWS_MAX);
        List<Product> products = new ArrayList<>(Math.min(productCount, 1 << 10));
        for (int n = 0; n < productCount; n++) {
            products.add(new Product(in.shared(), in.text(), in.shared(), LineKind.valueOf(in.shared()), in.decimal(),
                    in.text()));
        }
        CustomerIds customerIds = new CustomerIds(customers);
        int itemCount = in.count(ROWS_MAX);
        List<RecurringItem> items = new ArrayList<>(Math.min(itemCount, 1 << 22));
        for (int n = 0; n < itemCount; n++) {
            items.add(new RecurringItem(in.text(), customerIds.of(in.run(CUSTOMER_RUN)), in.shared(),
                    in.run(SUBSCRIPTION_RUN), in.day(), in.day(), in.decimal(),
                    in.decimal(), in.shared(), BillingInterval.valueOf(in.shared()), in.count(Integer.MAX_VALUE),
                    in.decimal(), in.decimal(), in.day(), in.shared()));
        }
        int chargeCount = in.count(ROWS_MAX);
        List<OneTimeCharge> charges = new ArrayList<>(Math.min(chargeCount, 1 << 20));
        for (int n = 0; n < chargeCount; n++) {
            charges.add(new OneTimeCharge(in.text(), customerIds.of(in.run(CUSTOMER_RUN)), in.shared(), in.day(),
                    in.decimal(), in.shared(), in.shared()));
        }
        int rateCount = in.count(ROWS_MAX);
        List<FxRate> rates = new ArrayList<>(Math.min(rateCount, 1 << 16));
        for (int n = 0; n < rateCount; n++) {
            rates.add(new FxRate(in.day(), in.shared(), in.decimal()));
        }
        return TenantDataset.of(currency, customers, products, items, charges, rates);
    }

    private static void writeLedger(SnapshotOutput out, MrrLedger ledger) throws IOException {
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

    private static MrrLedger readLedger(SnapshotInput in, TenantDataset dataset) throws IOException {
        int customers = dataset.customers().size();
        PricedItem[][] items = new PricedItem[customers][];
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
        return MrrLedger.restore(dataset, items, charges);
    }

    private static java.math.BigDecimal requireDecimal(SnapshotInput in) throws IOException {
        java.math.BigDecimal value = in.decimal();
        if (value == null) {
            throw new CorruptSnapshotException("a priced amount that is null");
        }
        return value;
    }

    /**
     * Gives an item or charge the very id instance of its customer, as a load from the database
     * does, so a restored tenant weighs what it weighed when saved. Rows list a customer's items
     * together and customers in the same order, so a cursor finds nearly every one; a map is built
     * only for rows out of that order.
     */
    private static final class CustomerIds {
        private final List<Customer> customers;
        private int cursor;
        private String lastRaw;
        private String lastShared;
        private Map<String, String> all;

        CustomerIds(List<Customer> customers) {
            this.customers = customers;
        }

        String of(String raw) {
            if (raw == lastRaw) { // the same run: SnapshotInput.run returned the same instance
                return lastShared;
            }
            lastRaw = raw;
            lastShared = find(raw);
            return lastShared;
        }

        private String find(String raw) {
            for (int k = cursor; k < Math.min(cursor + 2, customers.size()); k++) {
                if (customers.get(k).id().equals(raw)) {
                    cursor = k;
                    return customers.get(k).id();
                }
            }
            if (all == null) {
                all = new HashMap<>(customers.size() * 2);
                for (Customer c : customers) {
                    all.put(c.id(), c.id());
                }
            }
            // an unknown id stays as read: TenantDataset.of reports it and the snapshot is refused
            return all.getOrDefault(raw, raw);
        }
    }
}
