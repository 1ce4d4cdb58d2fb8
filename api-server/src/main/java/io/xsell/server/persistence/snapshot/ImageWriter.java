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
import java.util.List;

/**
 * Writes the columns of a dataset's and a ledger's images (format 4), each column whole before the
 * next: codes as variable-length integers (most take a byte), customer positions and start days as
 * the difference from the row before, bit columns as raw longs, id characters as they are kept.
 * Deflate then finds the repeats a column has. {@link ImageReader} mirrors every method.
 */
final class ImageWriter {
    private ImageWriter() {
    }

    static void items(SnapshotOutput out, ItemsImage i) throws IOException {
        out.unsigned(i.size());
        strings(out, i.ids());
        bits(out, i.customerRunStarts());
        out.unsigned(i.customerOfRun().length);
        deltas(out, i.customerOfRun());
        bits(out, i.subscriptionRunStarts());
        strings(out, i.subscriptionOfRun());
        bits(out, i.runsWithoutSubscription());
        texts(out, i.product());
        days(out, i.start());
        days(out, i.end());
        decimals(out, i.unitAmount());
        decimals(out, i.quantity());
        texts(out, i.currency());
        codes(out, i.interval());
        codes(out, i.intervalCount());
        decimals(out, i.discountPercent());
        decimals(out, i.discountAmount());
        days(out, i.trialEnd());
        texts(out, i.bundle());
    }

    static void charges(SnapshotOutput out, ChargesImage c) throws IOException {
        out.unsigned(c.size());
        strings(out, c.ids());
        deltas(out, c.customer());
        texts(out, c.product());
        days(out, c.date());
        decimals(out, c.amount());
        texts(out, c.currency());
        texts(out, c.description());
    }

    static void ledger(SnapshotOutput out, LedgerImage ledger) throws IOException {
        PricedItemsImage items = ledger.items();
        int customers = items.firstItem().length - 1;
        out.unsigned(customers);
        counts(out, items.firstItem());
        codes(out, items.line());
        deltas(out, items.activeFrom());
        for (int k = 0; k < items.end().length; k++) { // the length in days, 0 for open: 1 or 2 bytes
            int end = items.end()[k];
            out.unsigned(end == PricedItem.OPEN ? 0 : (long) end - items.activeFrom()[k]);
        }
        codes(out, items.monthlyCode());
        amounts(out, items.amounts());
        bits(out, items.bundled());
        PricedChargesImage charges = ledger.charges();
        counts(out, charges.firstCharge());
        deltas(out, charges.day());
        codes(out, charges.amountCode());
        amounts(out, charges.amounts());
    }

    /** How many strings, whether a byte a character, the lengths, then every character. */
    private static void strings(SnapshotOutput out, StringsImage s) throws IOException {
        out.unsigned(s.size());
        out.flag(s.latin1() != null);
        codes(out, s.lengths());
        if (s.latin1() != null) {
            out.write(s.latin1());
        } else {
            out.unsigned(s.utf16().length);
            for (char c : s.utf16()) {
                out.writeByte(c >>> 8);
                out.writeByte(c);
            }
        }
    }

    private static void bits(SnapshotOutput out, long[] bits) throws IOException {
        out.unsigned(bits.length);
        for (long word : bits) {
            out.writeInt((int) (word >>> 32));
            out.writeInt((int) word);
        }
    }

    private static void codes(SnapshotOutput out, int[] codes) throws IOException {
        for (int code : codes) {
            out.unsigned(code & 0xFFFFFFFFL);
        }
    }

    private static void deltas(SnapshotOutput out, int[] values) throws IOException {
        int previous = 0;
        for (int value : values) {
            out.signed((long) value - previous);
            previous = value;
        }
    }

    /** Offsets as the number of rows of each customer. */
    private static void counts(SnapshotOutput out, int[] offsets) throws IOException {
        for (int c = 1; c < offsets.length; c++) {
            out.unsigned((long) offsets[c] - offsets[c - 1]);
        }
    }

    private static void amounts(SnapshotOutput out, List<BigDecimal> amounts) throws IOException {
        out.unsigned(amounts.size());
        for (BigDecimal amount : amounts) {
            out.decimal(amount);
        }
    }

    private static void texts(SnapshotOutput out, DictionaryImage<String> column) throws IOException {
        out.unsigned(column.values().size());
        for (String value : column.values()) {
            out.shared(value);
        }
        codes(out, column.codes());
    }

    private static void days(SnapshotOutput out, DictionaryImage<LocalDate> column) throws IOException {
        out.unsigned(column.values().size());
        for (LocalDate value : column.values()) {
            out.day(value);
        }
        codes(out, column.codes());
    }

    private static void decimals(SnapshotOutput out, DictionaryImage<BigDecimal> column) throws IOException {
        amounts(out, column.values());
        codes(out, column.codes());
    }
}
