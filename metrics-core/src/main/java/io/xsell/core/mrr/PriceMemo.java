package io.xsell.core.mrr;

import io.xsell.core.model.BillingInterval;
import io.xsell.core.model.RecurringItem;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link ItemMrr#monthly} remembered by its inputs. A tenant's items repeat a small set of prices
 * (a few plans, seat counts, discounts, one FX rate per month), so most of a million items cost
 * one hash lookup instead of a 34-digit division, and items with equal inputs share one
 * {@code BigDecimal}, which is what keeps the priced ledger small. The answer is the very value
 * {@code ItemMrr.monthly} returns for those inputs (keys compare amounts with {@code equals},
 * scale included), so nothing about the result changes. Not thread-safe: one per pricing thread.
 */
final class PriceMemo {
    private record Key(BigDecimal unitAmount, BigDecimal quantity, BigDecimal discountPercent,
                       BigDecimal discountAmount, BillingInterval interval, int intervalCount, BigDecimal rate) {
        /**
         * The record's own hash adds small field hashes times 31, so keys of small prices, seat
         * counts and four-digit rates collide by the thousand and lookups walk long bins; every
         * field mixed in by multiplication and the whole finished like murmur3 spreads them.
         */
        @Override
        public int hashCode() {
            long h = mix(0, unitAmount.hashCode());
            h = mix(h, quantity.hashCode());
            h = mix(h, discountPercent == null ? 0 : discountPercent.hashCode());
            h = mix(h, discountAmount == null ? 0 : discountAmount.hashCode());
            h = mix(h, interval.ordinal());
            h = mix(h, intervalCount);
            h = mix(h, rate.hashCode());
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return (int) h;
        }

        private static long mix(long h, int value) {
            return (h + value) * 0x9E3779B97F4A7C15L;
        }
    }

    private final Map<Key, BigDecimal> monthly = new HashMap<>();

    BigDecimal monthly(RecurringItem item, BigDecimal rate) {
        Key key = new Key(item.unitAmount(), item.quantity(), item.discountPercent(), item.discountAmount(),
                item.interval(), item.intervalCount(), rate);
        BigDecimal known = monthly.get(key);
        if (known == null) {
            known = ItemMrr.monthly(item, rate);
            monthly.put(key, known);
        }
        return known;
    }
}
