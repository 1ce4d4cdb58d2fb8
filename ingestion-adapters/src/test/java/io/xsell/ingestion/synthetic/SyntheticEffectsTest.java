package io.xsell.ingestion.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xsell.core.model.RecurringItem;
import io.xsell.core.model.TenantDataset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The null world of {@code generate --null-effects} and the planted effect. What a null world must
 * not produce (claims) is checked end to end by the api-server's NullWorldTest; here: the realistic
 * account is untouched, a null world is deterministic, and adoption no longer depends on the segment.
 */
class SyntheticEffectsTest {
    private static final SyntheticAccountSpec SPEC = SyntheticAccountSpec.defaults(11, 6_000);

    @Test
    void theRealisticAccountIsTheDefault() {
        TenantDataset a = SyntheticAccountGenerator.generate(SPEC);
        TenantDataset b = SyntheticAccountGenerator.generate(SPEC, SyntheticEffects.REALISTIC);
        assertThat(b.items()).isEqualTo(a.items());
        assertThat(b.customers()).isEqualTo(a.customers());
    }

    @Test
    void aNullWorldIsDeterministicAndDiffersFromTheRealisticOne() {
        TenantDataset a = SyntheticAccountGenerator.generate(SPEC, SyntheticEffects.none());
        assertThat(SyntheticAccountGenerator.generate(SPEC, SyntheticEffects.none()).items()).isEqualTo(a.items());
        assertThat(a.items()).isNotEqualTo(SyntheticAccountGenerator.generate(SPEC).items());
    }

    /**
     * Realistic: enterprise customers adopt a second line far more often than SMB ones (appetite
     * 1.5 against 0.8). Null world: the share with more than one line is the same in every segment,
     * within sampling noise.
     */
    @Test
    void inANullWorldHoldingSeveralLinesDoesNotDependOnTheSegment() {
        Map<String, Double> realistic = multiLineShareBySegment(SyntheticAccountGenerator.generate(SPEC));
        Map<String, Double> none = multiLineShareBySegment(SyntheticAccountGenerator.generate(SPEC,
                SyntheticEffects.none()));
        assertThat(realistic.get("enterprise") - realistic.get("smb")).isGreaterThan(0.10);
        assertThat(Math.abs(none.get("enterprise") - none.get("smb"))).isLessThan(0.06);
    }

    @Test
    void aPlantedFactorIsBounded() {
        assertThat(SyntheticEffects.none().withAttachedChurnFactor(0.5).attachedChurnFactor()).isEqualTo(0.5);
        assertThatThrownBy(() -> SyntheticEffects.none().withAttachedChurnFactor(-1))
                .hasMessageContaining("attachedChurnFactor");
    }

    /** Share of each segment's customers that ever held items of more than one product line. */
    private static Map<String, Double> multiLineShareBySegment(TenantDataset data) {
        Map<String, String> lineOf = data.products().stream()
                .collect(Collectors.toMap(p -> p.id(), p -> p.productLine()));
        Map<String, Set<String>> lines = data.items().stream().collect(Collectors.groupingBy(
                RecurringItem::customerId, Collectors.mapping(i -> lineOf.get(i.productId()), Collectors.toSet())));
        return data.customers().stream().collect(Collectors.groupingBy(c -> c.attribute("segment"),
                Collectors.averagingDouble(c -> lines.getOrDefault(c.id(), Set.of()).size() > 1 ? 1 : 0)));
    }
}
