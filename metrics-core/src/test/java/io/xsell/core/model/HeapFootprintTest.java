package io.xsell.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Object sizes as HotSpot lays them out with compressed references, shared objects counted once. */
class HeapFootprintTest {

    @Test
    void sizesFollowTheCompressedReferenceLayout() {
        assertThat(HeapFootprint.object(13)).isEqualTo(32);       // 12 + 13 = 25, aligned to 8
        assertThat(HeapFootprint.intArray(3)).isEqualTo(32);      // 16 + 12 = 28
        assertThat(HeapFootprint.referenceArray(0)).isEqualTo(16);
        assertThat(new HeapFootprint().string("c1").bytes()).isEqualTo(24 + 24);   // String + byte[2]
        assertThat(new HeapFootprint().string("\u00e9t\u00e9").bytes()).isEqualTo(24 + 24); // still Latin-1
        assertThat(new HeapFootprint().string("\u4e2d").bytes()).isEqualTo(24 + 24);   // UTF-16: 2 bytes
        assertThat(new HeapFootprint().decimal(new BigDecimal("49.90")).bytes()).isEqualTo(40);
        // beyond a long the unscaled value is a BigInteger with its int[] magnitude
        assertThat(new HeapFootprint().decimal(new BigDecimal("1" + "0".repeat(30))).bytes())
                .isEqualTo(40 + 40 + HeapFootprint.intArray(4));
    }

    @Test
    void aSharedObjectIsCountedOnce() {
        LocalDate day = LocalDate.of(2025, 1, 1);
        HeapFootprint f = new HeapFootprint().date(day).date(day).date(LocalDate.of(2025, 1, 1));
        assertThat(f.bytes()).isEqualTo(2 * 24);
        assertThat(f.first(day)).isFalse();
        assertThat(f.first(null)).isFalse();
    }

    @Test
    void aLargerDatasetRetainsMore() {
        TenantDataset one = TenantDataset.of("USD", java.util.List.of(Customer.of("c1", java.util.Map.of())),
                java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of());
        TenantDataset two = TenantDataset.of("USD", java.util.List.of(Customer.of("c1", java.util.Map.of()),
                        Customer.of("c2", java.util.Map.of("segment", "smb"))),
                java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of());
        assertThat(two.retainedBytes()).isGreaterThan(one.retainedBytes());
        assertThat(one.retainedBytes()).isEqualTo(one.retainedBytes()).isPositive();
    }
}
