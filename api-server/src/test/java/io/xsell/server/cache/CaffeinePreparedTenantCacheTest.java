package io.xsell.server.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.model.TenantId;
import org.junit.jupiter.api.Test;

class CaffeinePreparedTenantCacheTest {
    private static final long MIB = 1024 * 1024;

    private static TenantId tenant(int i) {
        return new TenantId("t" + i);
    }

    private static CaffeinePreparedTenantCache<String> cache(long budget) {
        return new CaffeinePreparedTenantCache<>(budget, Runnable::run);
    }

    @Test
    void keepsTenantsWhileTheyFitTheBudget() {
        CaffeinePreparedTenantCache<String> cache = cache(10 * MIB);
        cache.keep(tenant(1), "one", () -> 4 * MIB);
        cache.keep(tenant(2), "two", () -> 4 * MIB);

        assertThat(cache.find(tenant(1))).contains("one");
        assertThat(cache.find(tenant(2))).contains("two");
        assertThat(cache.keptBytes()).isEqualTo(8 * MIB);
    }

    @Test
    void dropsTheLeastRecentlyUsedTenantFirstWhenTheBudgetIsExceeded() {
        CaffeinePreparedTenantCache<String> cache = cache(10 * MIB);
        cache.keep(tenant(1), "one", () -> 3 * MIB);
        cache.keep(tenant(2), "two", () -> 3 * MIB);
        cache.keep(tenant(3), "three", () -> 3 * MIB);
        // tenants 2 and 3 are used again; 1 is the least recently used
        cache.find(tenant(2));
        cache.find(tenant(3));
        cache.find(tenant(3));
        cache.find(tenant(2));

        cache.keep(tenant(4), "four", () -> 3 * MIB);
        cache.find(tenant(4));
        cache.cleanUp();

        assertThat(cache.find(tenant(1))).isEmpty();
        assertThat(cache.find(tenant(2))).contains("two");
        assertThat(cache.find(tenant(3))).contains("three");
        assertThat(cache.keptBytes()).isLessThanOrEqualTo(10 * MIB);
    }

    @Test
    void neverHoldsMoreThanTheBudgetWhateverTheOrderOfUse() {
        CaffeinePreparedTenantCache<String> cache = cache(50 * MIB);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 30; i++) {
                if (cache.find(tenant(i)).isEmpty()) {
                    long weight = (3 + i % 7) * MIB;
                    cache.keep(tenant(i), "t" + i, () -> weight);
                }
                cache.cleanUp();
                assertThat(cache.keptBytes()).isLessThanOrEqualTo(50 * MIB);
            }
        }
    }

    @Test
    void aTenantLargerThanTheBudgetIsNotKeptAndDropsNoOther() {
        CaffeinePreparedTenantCache<String> cache = cache(10 * MIB);
        cache.keep(tenant(1), "one", () -> 4 * MIB);
        cache.keep(tenant(2), "two", () -> 4 * MIB);

        cache.keep(tenant(3), "huge", () -> 11 * MIB);
        cache.cleanUp();

        assertThat(cache.find(tenant(3))).isEmpty();
        assertThat(cache.find(tenant(1))).contains("one");
        assertThat(cache.find(tenant(2))).contains("two");
    }

    @Test
    void aTenantThatGrewBeyondTheBudgetLeavesNoStaleValueBehind() {
        CaffeinePreparedTenantCache<String> cache = cache(10 * MIB);
        cache.keep(tenant(1), "old data", () -> 4 * MIB);

        cache.keep(tenant(1), "new data, too big", () -> 20 * MIB);

        assertThat(cache.find(tenant(1))).isEmpty();
        assertThat(cache.keptBytes()).isZero();
    }

    @Test
    void weighsTenantsOfMoreThanTwoGibibytes() {
        CaffeinePreparedTenantCache<String> cache = cache(8L * 1024 * MIB);
        cache.keep(tenant(1), "big", () -> 3L * 1024 * MIB);

        assertThat(cache.find(tenant(1))).contains("big");
        assertThat(cache.keptBytes()).isEqualTo(3L * 1024 * MIB);
    }

    @Test
    void refusesABudgetBelowOneKibibyte() {
        assertThatThrownBy(() -> new CaffeinePreparedTenantCache<String>(100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 KiB");
    }

    @Test
    void theBudgetIsAShareOfTheHeapUnlessASizeIsGiven() {
        PreparedTenantsConfig config = new PreparedTenantsConfig();
        assertThat(config.budgetBytes(2000 * MIB)).isEqualTo(800 * MIB);
    }
}
