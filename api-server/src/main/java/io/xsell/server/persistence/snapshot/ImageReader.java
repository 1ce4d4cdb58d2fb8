package io.xsell.server.persistence.snapshot;

import io.xsell.core.model.ChargesImage;
import io.xsell.core.model.DictionaryImage;
import io.xsell.core.model.ItemsImage;
import io.xsell.core.model.StringsImage;
import io.xsell.core.mrr.LedgerImage;
import io.xsell.core.mrr.PricedChargesImage;
import io.xsell.core.mrr.PricedItem;
import io.xsell.core.mrr.PricedItemsImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link ImageWriter} wrote from a whole inflated section, straight into arrays. Every
 * count is checked against the bytes left before anything is allocated (each row or value takes at
 * least one byte), so a damaged section ends in a {@link CorruptSnapshotException}, not in a huge
 * allocation; what the arrays mean (codes, runs, positions, order) is checked by the model's
 * {@code fromImage} and {@code restore}.
 */
final class ImageReader {
    private static final long INT_LIMIT = 1L << 31;

    private ImageReader() {
    }

    static ItemsImage items(SnapshotInput in) throws IOException {
        int rows = rows(in);
        StringsImage ids = strings(in);
        long[] customerRuns = bits(in);
        int[] customerOfRun = deltas(in, rows(in));
        long[] subscriptionRuns = bits(in);
        StringsImage subscriptions = strings(in);
        long[] withoutSubscription = bits(in);
        return new ItemsImage(ids, customerRuns, customerOfRun, subscriptionRuns, subscriptions, withoutSubscription,
                texts(in, rows), days(in, rows), days(in, rows), decimals(in, rows), decimals(in, rows),
                texts(in, rows), codes(in, rows), codes(in, rows), decimals(in, rows), decimals(in, rows),
                days(in, rows), texts(in, rows));
    }

    static ChargesImage charges(SnapshotInput in) throws IOException {
        int rows = rows(in);
        return new ChargesImage(strings(in), deltas(in, rows), texts(in, rows), days(in, rows), decimals(in, rows),
                texts(in, rows), texts(in, rows));
    }

    static LedgerImage ledger(SnapshotInput in) throws IOException {
        int customers = rows(in);
        int[] firstItem = offsets(in, customers);
        int rows = firstItem[customers];
        int[] line = codes(in, rows);
        int[] activeFrom = deltas(in, rows);
        int[] end = new int[rows];
        for (int k = 0; k < rows; k++) {
            long length = in.unsigned();
            long day = length == 0 ? PricedItem.OPEN : activeFrom[k] + length;
            if (length < 0 || day > PricedItem.OPEN || length != 0 && day == PricedItem.OPEN) {
                throw new CorruptSnapshotException("priced item " + k + " of " + length + " days");
            }
            end[k] = (int) day;
        }
        int[] monthlyCode = codes(in, rows);
        List<BigDecimal> amounts = amounts(in);
        PricedItemsImage items = new PricedItemsImage(firstItem, line, activeFrom, end, monthlyCode, amounts, bits(in));
        int[] firstCharge = offsets(in, customers);
        int charges = firstCharge[customers];
        PricedChargesImage priced = new PricedChargesImage(firstCharge, deltas(in, charges), codes(in, charges),
                amounts(in));
        return new LedgerImage(items, priced);
    }

    /** A count of things that take at least a byte each of what is left. */
    private static int rows(SnapshotInput in) throws IOException {
        return in.count(in.remaining() + 1L);
    }

    private static StringsImage strings(SnapshotInput in) throws IOException {
        int size = rows(in);
        boolean latin1 = in.flag();
        int[] lengths = codes(in, size);
        if (latin1) {
            long characters = 0;
            for (int length : lengths) {
                characters += length;
            }
            if (characters > in.remaining()) {
                throw new CorruptSnapshotException(characters + " characters in " + in.remaining() + " bytes");
            }
            byte[] bytes = new byte[(int) characters];
            in.readFully(bytes);
            return new StringsImage(bytes, null, lengths);
        }
        char[] chars = new char[in.count(in.remaining() / 2 + 1L)];
        for (int k = 0; k < chars.length; k++) {
            chars[k] = (char) (in.readUnsignedByte() << 8 | in.readUnsignedByte());
        }
        return new StringsImage(null, chars, lengths);
    }

    private static long[] bits(SnapshotInput in) throws IOException {
        long[] bits = new long[in.count(in.remaining() / 8 + 1L)];
        for (int w = 0; w < bits.length; w++) {
            bits[w] = (long) in.readInt() << 32 | in.readInt() & 0xFFFFFFFFL;
        }
        return bits;
    }

    private static int[] codes(SnapshotInput in, int rows) throws IOException {
        checkRoom(in, rows);
        int[] codes = new int[rows];
        in.counts(codes, INT_LIMIT);
        return codes;
    }

    private static int[] deltas(SnapshotInput in, int rows) throws IOException {
        checkRoom(in, rows);
        int[] values = new int[rows];
        in.deltas(values);
        return values;
    }

    private static int[] offsets(SnapshotInput in, int customers) throws IOException {
        checkRoom(in, customers);
        int[] offsets = new int[customers + 1];
        for (int c = 0; c < customers; c++) {
            long next = offsets[c] + in.unsigned();
            if (next > in.remaining() + (long) offsets[c] + 1 || next >= INT_LIMIT) {
                throw new CorruptSnapshotException("more rows than bytes left");
            }
            offsets[c + 1] = (int) next;
        }
        return offsets;
    }

    private static void checkRoom(SnapshotInput in, int rows) {
        if (rows > in.remaining()) {
            throw new CorruptSnapshotException(rows + " values in " + in.remaining() + " bytes");
        }
    }

    private static List<BigDecimal> amounts(SnapshotInput in) throws IOException {
        return dictionary(in, 0, SnapshotInput::decimal).values();
    }

    private interface Value<T> {
        T read(SnapshotInput in) throws IOException;
    }

    private static <T> DictionaryImage<T> dictionary(SnapshotInput in, int rows, Value<T> value) throws IOException {
        int size = rows(in);
        List<T> values = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            values.add(value.read(in));
        }
        return new DictionaryImage<>(values, codes(in, rows));
    }

    private static DictionaryImage<String> texts(SnapshotInput in, int rows) throws IOException {
        return dictionary(in, rows, SnapshotInput::shared);
    }

    private static DictionaryImage<LocalDate> days(SnapshotInput in, int rows) throws IOException {
        return dictionary(in, rows, SnapshotInput::day);
    }

    private static DictionaryImage<BigDecimal> decimals(SnapshotInput in, int rows) throws IOException {
        return new DictionaryImage<>(amounts(in), codes(in, rows));
    }
}
