package io.xsell.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.fixture.RandomItems;
import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.mrr.MrrLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code MRR at end = MRR at start + sum of movements}, for random datasets and windows, for the
 * whole base and for every segment; and segments partition the base.
 */
class MrrIdentityPropertyTest {
    private static final LocalDate EPOCH = LocalDate.parse("2024-01-01");

    @Property(tries = 300)
    void endingMrrIsStartingMrrPlusMovements(@ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int customers,
                                             @ForAll @IntRange(min = 0, max = 700) int fromOffset,
                                             @ForAll @IntRange(min = 1, max = 400) int length) {
        Random random = new Random(seed);
        // some customers lack the attribute: they form the null segment
        TenantDatasetFixture data = RandomItems.customers(random, customers, 6, EPOCH);
        Window window = new Window(EPOCH.plusDays(fromOffset), EPOCH.plusDays(fromOffset + length));
        CrossSellReport report = CrossSellCalculator.report(MrrLedger.of(data.build()), window, "segment");

        WindowMetrics all = report.metrics();
        assertThat(all.endingMrr()).isEqualByComparingTo(all.startingMrr().add(all.sumOfMovements()));
        BigDecimal segmentsStart = BigDecimal.ZERO;
        BigDecimal segmentsEnd = BigDecimal.ZERO;
        BigDecimal segmentsCrossSell = BigDecimal.ZERO;
        for (SegmentMetrics segment : report.bySegment()) {
            WindowMetrics m = segment.metrics();
            assertThat(m.endingMrr()).as("segment %s", segment.segment())
                    .isEqualByComparingTo(m.startingMrr().add(m.sumOfMovements()));
            segmentsStart = segmentsStart.add(m.startingMrr());
            segmentsEnd = segmentsEnd.add(m.endingMrr());
            segmentsCrossSell = segmentsCrossSell.add(m.crossSellMrr());
        }
        assertThat(segmentsStart).isEqualByComparingTo(all.startingMrr());
        assertThat(segmentsEnd).isEqualByComparingTo(all.endingMrr());
        assertThat(segmentsCrossSell).isEqualByComparingTo(all.crossSellMrr());
        assertThat(all.bundleCrossSellMrr().add(all.standaloneCrossSellMrr())).isEqualByComparingTo(all.crossSellMrr());
        assertThat(all.cohortCrossSellMrr()).isLessThanOrEqualTo(all.crossSellMrr());
    }
}
