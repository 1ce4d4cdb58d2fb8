package io.xsell.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The checks an image of items or charges passes before it becomes columns: every array as long as
 * the rows, every code and position in range, every product known, an FX rate for each currency from
 * its earliest day on, ends after starts, amounts within the model's bounds. They cost a pass over
 * the codes and one check per distinct value, not a record per row. Uniqueness of ids is not checked
 * again: an image is what {@link TenantDataset#image} exported from a dataset that passed
 * {@link TenantDataset#of}, kept under a checksum by whoever keeps it.
 */
final class ItemsImageCheck {
    private static final int INTERVALS = BillingInterval.values().length;

    private final RunIndex customerRuns;
    private final RunIndex subscriptionRuns;

    ItemsImageCheck(ItemsImage image, int customers, Map<String, Product> products, FxRates fx) {
        if (image.ids() == null) {
            throw new IllegalArgumentException("item ids are required");
        }
        image.ids().check("item ids");
        int rows = image.size();
        customerRuns = RunIndex.of(image.customerRunStarts(), rows, "item customer runs");
        positions("item customers", image.customerOfRun(), customerRuns.runs(), customers);
        subscriptionRuns = RunIndex.of(image.subscriptionRunStarts(), rows, "item subscription runs");
        int runs = subscriptionRuns.runs();
        if (image.subscriptionOfRun() == null || image.subscriptionOfRun().size() != runs) {
            throw new IllegalArgumentException("item subscriptions: one per run of " + runs + " runs is required");
        }
        image.subscriptionOfRun().check("item subscriptions");
        bits("item runs without subscription", image.runsWithoutSubscription(), runs);
        image.product().check("item product", rows, true);
        image.start().check("item start", rows, true);
        image.end().check("item end", rows, false);
        image.unitAmount().check("item unit amount", rows, true);
        image.quantity().check("item quantity", rows, true);
        image.currency().check("item currency", rows, true);
        image.discountPercent().check("item discount percent", rows, false);
        image.discountAmount().check("item discount amount", rows, false);
        image.trialEnd().check("item trial end", rows, false);
        image.bundle().check("item bundle", rows, false);
        range("item interval", image.interval(), rows, 0, INTERVALS - 1);
        range("item interval count", image.intervalCount(), rows, 1, Bounds.COUNT_MAX);
        knownProducts("item product", image.product().values(), products);
        rates("item", image.currency(), image.start(), fx);
        endsAfterStarts(image);
        amounts("item unit amount", image.unitAmount().values(), 0);
        amounts("item quantity", image.quantity().values(), 1);
        amounts("item discount percent", image.discountPercent().values(), 0);
        amounts("item discount amount", image.discountAmount().values(), 0);
    }

    RunIndex customerRuns() {
        return customerRuns;
    }

    RunIndex subscriptionRuns() {
        return subscriptionRuns;
    }

    /** {@code bits} holds a bit for each of {@code count} things and none past them. */
    static void bits(String column, long[] bits, int count) {
        if (bits == null || bits.length != (count + 63) >>> 6) {
            throw new IllegalArgumentException(column + ": " + count + " bits take " + ((count + 63) >>> 6)
                    + " longs, got " + (bits == null ? "none" : bits.length));
        }
        if ((count & 63) != 0 && bits[bits.length - 1] >>> (count & 63) != 0) {
            throw new IllegalArgumentException(column + ": a bit past the " + count + " there are");
        }
    }

    /** {@code positions} holds {@code count} positions among {@code limit} things. */
    static void positions(String column, int[] positions, int count, int limit) {
        range(column, positions, count, 0, limit - 1);
    }

    static void range(String column, int[] values, int rows, int lowest, int highest) {
        if (values == null || values.length != rows) {
            throw new IllegalArgumentException(column + ": " + rows + " values are required, got "
                    + (values == null ? "none" : values.length));
        }
        for (int row = 0; row < rows; row++) {
            if (values[row] < lowest || values[row] > highest) {
                throw new IllegalArgumentException(column + ": " + values[row] + " at row " + row + " is not in ["
                        + lowest + ", " + highest + "]");
            }
        }
    }

    static void knownProducts(String column, DictionaryColumn<String> ids, Map<String, Product> products) {
        for (int code = 1; code < ids.codeCount(); code++) {
            if (!products.containsKey(ids.value(code))) {
                throw new IllegalArgumentException(column + ": unknown product_id '" + ids.value(code) + "'");
            }
        }
    }

    static void knownProducts(String column, List<String> ids, Map<String, Product> products) {
        for (String id : ids) {
            if (!products.containsKey(id)) {
                throw new IllegalArgumentException(column + ": unknown product_id '" + id + "'");
            }
        }
    }

    /** Every currency is a code with a rate on or before its earliest day, so on every later day too. */
    static void rates(String rows, DictionaryImage<String> currency, DictionaryImage<LocalDate> day, FxRates fx) {
        LocalDate[] earliest = new LocalDate[currency.values().size() + 1];
        int[] codes = currency.codes();
        int[] days = day.codes();
        List<LocalDate> dayValues = day.values();
        for (int row = 0; row < codes.length; row++) {
            LocalDate d = dayValues.get(days[row] - 1);
            LocalDate known = earliest[codes[row]];
            if (known == null || d.isBefore(known)) {
                earliest[codes[row]] = d;
            }
        }
        checkRates(rows, earliest, code -> currency.values().get(code - 1), fx);
    }

    /** As {@link #rates(String, DictionaryImage, DictionaryImage, FxRates)}, for columns already narrowed. */
    static void rates(String rows, DictionaryColumn<String> currency, DictionaryColumn<LocalDate> day, FxRates fx) {
        LocalDate[] earliest = new LocalDate[currency.codeCount()];
        NarrowInts codes = currency.codes();
        NarrowInts days = day.codes();
        int[] codeChunk = new int[4096];
        int[] dayChunk = new int[4096];
        for (int from = 0; from < codes.size(); from += codeChunk.length) {
            int to = Math.min(codes.size(), from + codeChunk.length);
            codes.copyTo(from, to, codeChunk);
            days.copyTo(from, to, dayChunk);
            for (int i = 0; i < to - from; i++) {
                LocalDate d = day.value(dayChunk[i]);
                LocalDate known = earliest[codeChunk[i]];
                if (known == null || d.isBefore(known)) {
                    earliest[codeChunk[i]] = d;
                }
            }
        }
        checkRates(rows, earliest, code -> currency.value(code), fx);
    }

    private static void checkRates(String rows, LocalDate[] earliest, java.util.function.IntFunction<String> currency,
                                   FxRates fx) {
        for (int code = 1; code < earliest.length; code++) {
            String value = currency.apply(code);
            if (!CurrencyCode.require(value).equals(value)) {
                throw new IllegalArgumentException(rows + " currency '" + value + "' is not a currency code");
            }
            if (earliest[code] != null && fx.rateOn(value, earliest[code]).isEmpty()) {
                throw new IllegalArgumentException(rows + " in " + value + " from " + earliest[code]
                        + " but no rate is known on or before that day");
            }
        }
    }

    /** The codes as the model keeps them: one instance per code in the JVM, as every record's constructor does. */
    static DictionaryImage<String> currencies(DictionaryImage<String> currency) {
        return new DictionaryImage<>(currency.values().stream().map(CurrencyCode::require).toList(), currency.codes());
    }

    private static void endsAfterStarts(ItemsImage image) {
        long[] startDays = epochDays(image.start().values());
        long[] endDays = epochDays(image.end().values());
        int[] starts = image.start().codes();
        int[] ends = image.end().codes();
        for (int row = 0; row < starts.length; row++) {
            if (ends[row] != 0 && endDays[ends[row]] <= startDays[starts[row]]) {
                throw new IllegalArgumentException("item at row " + row + " ends on or before its start");
            }
        }
    }

    private static long[] epochDays(List<LocalDate> days) {
        long[] epochDays = new long[days.size() + 1];
        for (int i = 0; i < days.size(); i++) {
            epochDays[i + 1] = days.get(i).toEpochDay();
        }
        return epochDays;
    }

    private static void amounts(String column, List<BigDecimal> values, int lowestSign) {
        for (BigDecimal value : values) {
            Bounds.magnitude(value, column);
            if (value.signum() < lowestSign) {
                throw new IllegalArgumentException(column + " " + value + " is out of range");
            }
        }
    }
}
