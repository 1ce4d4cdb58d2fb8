package io.xsell.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.xsell.core.fixture.TenantDatasetFixture;
import io.xsell.core.model.BillingInterval;
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
    private static final String[] SEGMENTS = {"smb", "mid_market", "enterprise"};
    private static final BillingInterval[] INTERVALS = BillingInterval.values();

    @Property(tries = 300)
    void endingMrrIsStartingMrrPlusMovements(@ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int customers,
                                             @ForAll @IntRange(min = 0, max = 700) int fromOffset,
                                             @ForAll @IntRange(min = 1, max = 400) int length) {
        Random random = new Random(seed);
        TenantDatasetFixture data = TenantDatasetFixture.dataset().fx("2023-01-01", "EUR", "1.0837");
        for (int c = 0; c < customers; c++) {
            String id = "c" + c;
            if (c > 0 && random.nextInt(4) == 0) {
                data.customer(id); // some customers lack the attribute: they form the null segment
            } else {
                data.customer(id, "segment", SEGMENTS[random.nextInt(SEGMENTS.length)]);
            }
            int items = random.nextInt(6);
            for (int i = 0; i < items; i++) {
                addRandomItem(data, id, random);
            }
        }
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

    private static void addRandomItem(TenantDatasetFixture data, String customer, Random random) {
        LocalDate start = EPOCH.plusDays(random.nextInt(900));
        LocalDate end = random.nextBoolean() ? start.plusDays(1 + random.nextInt(500)) : null;
        LocalDate trialEnd = random.nextInt(5) == 0 ? start.plusDays(random.nextInt(40)) : null;
        String amount = random.nextInt(8) == 0 ? "0" : BigDecimal.valueOf(random.nextInt(100_000), 2).toPlainString();
        data.item(customer, "P" + random.nextInt(5), b -> {
            b.unitAmount(amount).start(start).end(end).trialEnd(trialEnd)
                    .quantity(1 + random.nextInt(5))
                    .interval(INTERVALS[random.nextInt(INTERVALS.length)])
                    .intervalCount(1 + random.nextInt(3))
                    .currency(random.nextInt(4) == 0 ? "EUR" : "USD");
            if (random.nextInt(4) == 0) {
                b.discountPercent(String.valueOf(random.nextInt(101)));
            }
            if (random.nextInt(6) == 0) {
                b.discountAmount(String.valueOf(random.nextInt(50)));
            }
            if (random.nextInt(5) == 0) {
                b.bundle("bundle" + random.nextInt(3));
            }
            return b;
        });
    }
}
