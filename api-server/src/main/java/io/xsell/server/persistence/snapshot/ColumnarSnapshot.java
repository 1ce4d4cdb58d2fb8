package io.xsell.server.persistence.snapshot;

import io.xsell.core.model.ChargesImage;
import io.xsell.core.model.Customer;
import io.xsell.core.model.DatasetImage;
import io.xsell.core.model.FxRate;
import io.xsell.core.model.ItemsImage;
import io.xsell.core.model.Product;
import io.xsell.core.model.TenantDataset;
import io.xsell.core.model.TenantId;
import io.xsell.core.mrr.LedgerImage;
import io.xsell.core.mrr.MrrLedger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Snapshot format 4: the prepared tenant's columns themselves ({@link DatasetImage}, {@link LedgerImage}),
 * so a restore fills the arrays the dataset and ledger keep instead of building a record per item and
 * charge and turning the records into columns again. After the head of {@link PreparedTenantCodec},
 * four sections, each framed by its deflated and inflated lengths and deflated on its own: (0) tenant,
 * version, weight, reporting currency, customers, products, rates; (1) the item columns; (2) the charge
 * columns; (3) the ledger's columns. A section is inflated whole (its length bounds every count read
 * from it) and read to its end; two threads read them, one the items, the other the rest.
 */
final class ColumnarSnapshot {
    static final int FORMAT = 4;
    static final int SECTIONS = 4;
    /** Deflate shrinks at most about 1,032 to 1: a frame claiming more is damaged. */
    private static final long INFLATION_MAX = 1100;
    private static final int BUFFER = 1 << 16;

    private ColumnarSnapshot() {
    }

    static byte[] encode(TenantId tenant, long dataVersion, TenantDataset dataset, MrrLedger ledger,
                         long retainedBytes) throws IOException {
        DatasetImage image = dataset.image();
        LedgerImage priced = ledger.image();
        ByteArrayOutputStream body = new ByteArrayOutputStream(BUFFER);
        PreparedTenantCodec.writeHead(body, FORMAT, retainedBytes);
        section(body, out -> {
            out.text(tenant.value());
            out.unsigned(dataVersion);
            out.unsigned(retainedBytes);
            PreparedTenantCodec.writeCustomersProductsRates(out, dataset);
        });
        section(body, out -> ImageWriter.items(out, image.items()));
        section(body, out -> ImageWriter.charges(out, image.charges()));
        section(body, out -> ImageWriter.ledger(out, priced));
        return body.toByteArray();
    }

    private interface Writer {
        void write(SnapshotOutput out) throws IOException;
    }

    private static void section(ByteArrayOutputStream body, Writer writer) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream(BUFFER);
        SnapshotOutput out = new SnapshotOutput(plain);
        writer.write(out);
        out.flush();
        byte[] bytes = plain.toByteArray();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream(Math.max(BUFFER, bytes.length / 4));
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            byte[] chunk = new byte[BUFFER];
            while (!deflater.finished()) {
                deflated.write(chunk, 0, deflater.deflate(chunk));
            }
        } finally {
            deflater.end();
        }
        SnapshotOutput frame = new SnapshotOutput(body);
        frame.writeInt(deflated.size());
        frame.writeInt(bytes.length);
        frame.flush();
        deflated.writeTo(body);
    }

    private record Front(String currency, List<Customer> customers, List<Product> products, List<FxRate> rates) {
    }

    static PreparedTenantCodec.Restored decode(byte[] body, TenantId tenant, long dataVersion,
                                               String reportingCurrency, long weight) throws IOException {
        int[] frames = frames(body);
        CompletableFuture<ItemsImage> items = new CompletableFuture<>();
        Thread helper = new Thread(() -> {
            try {
                items.complete(read(body, frames, 1, ImageReader::items));
            } catch (Throwable e) {
                items.completeExceptionally(e);
            }
        }, "snapshot-decode");
        helper.setDaemon(true);
        helper.start();
        Front front;
        ChargesImage charges;
        LedgerImage ledger;
        try {
            front = read(body, frames, 0, in -> front(in, tenant, dataVersion, reportingCurrency, weight));
            charges = read(body, frames, 2, ImageReader::charges);
            ledger = read(body, frames, 3, ImageReader::ledger);
        } catch (RuntimeException | IOException | Error e) {
            PreparedTenantCodec.awaitQuietly(items);
            throw e;
        }
        TenantDataset dataset = TenantDataset.fromImage(new DatasetImage(front.currency(), front.customers(),
                front.products(), front.rates(), PreparedTenantCodec.join(items), charges));
        return new PreparedTenantCodec.Restored(dataset, MrrLedger.restore(dataset, ledger), weight);
    }

    private static Front front(SnapshotInput in, TenantId tenant, long dataVersion, String reportingCurrency,
                               long weight) throws IOException {
        String storedTenant = in.text();
        long storedVersion = in.unsigned();
        if (in.unsigned() != weight) {
            throw new CorruptSnapshotException("the weight in the head differs from the one in the body");
        }
        if (!tenant.value().equals(storedTenant) || storedVersion != dataVersion) {
            throw new CorruptSnapshotException("snapshot of tenant '" + storedTenant + "' version " + storedVersion
                    + " stored as tenant '" + tenant + "' version " + dataVersion);
        }
        String currency = in.text();
        if (!reportingCurrency.equals(currency)) {
            throw new CorruptSnapshotException("snapshot in " + currency + " for a tenant reporting in "
                    + reportingCurrency);
        }
        return new Front(currency, PreparedTenantCodec.readCustomers(in), PreparedTenantCodec.readProducts(in),
                PreparedTenantCodec.readRates(in));
    }

    /** For each section: where its deflated bytes start, how many there are, and how many they inflate to. */
    private static int[] frames(byte[] body) {
        int[] frames = new int[SECTIONS * 3];
        int at = PreparedTenantCodec.HEAD;
        for (int s = 0; s < SECTIONS; s++) {
            if (body.length - at < 8) {
                throw new CorruptSnapshotException("the snapshot ends before section " + s);
            }
            int length = PreparedTenantCodec.readInt(body, at);
            int inflated = PreparedTenantCodec.readInt(body, at + 4);
            at += 8;
            if (length < 0 || length > body.length - at) {
                throw new CorruptSnapshotException("section " + s + " of " + length + " bytes runs past the end");
            }
            if (inflated < 0 || inflated > length * INFLATION_MAX + 64) {
                throw new CorruptSnapshotException("section " + s + " cannot inflate to " + inflated + " bytes");
            }
            frames[3 * s] = at;
            frames[3 * s + 1] = length;
            frames[3 * s + 2] = inflated;
            at += length;
        }
        if (at != body.length) {
            throw new CorruptSnapshotException("bytes after the end of the snapshot");
        }
        return frames;
    }

    private interface Reader<T> {
        T read(SnapshotInput in) throws IOException;
    }

    private static <T> T read(byte[] body, int[] frames, int section, Reader<T> reader) throws IOException {
        SnapshotInput in = new SnapshotInput(inflate(body, frames, section));
        T value = reader.read(in);
        if (!in.atEnd()) {
            throw new CorruptSnapshotException("bytes after the end of section " + section);
        }
        return value;
    }

    /** The section inflated whole; deflate's own Adler-32 is checked, and its stated length must be exact. */
    private static byte[] inflate(byte[] body, int[] frames, int section) {
        byte[] plain = new byte[frames[3 * section + 2]];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body, frames[3 * section], frames[3 * section + 1]);
            int done = 0;
            while (done < plain.length) {
                int n = inflater.inflate(plain, done, plain.length - done);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new CorruptSnapshotException("section " + section + " ends early");
                }
                done += n;
            }
            if (!inflater.finished() && inflater.inflate(new byte[1]) != 0 || !inflater.finished()
                    || inflater.getRemaining() != 0) {
                throw new CorruptSnapshotException("section " + section + " is not the length its frame says");
            }
            return plain;
        } catch (DataFormatException e) {
            throw new CorruptSnapshotException("section " + section + " does not inflate: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }
}
